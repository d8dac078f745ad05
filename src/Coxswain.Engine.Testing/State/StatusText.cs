using System.Globalization;

namespace Coxswain.Engine.Testing;

/// <summary>Docker's human status text: "Up 3 minutes", "Exited (1) 2 seconds ago", "Created".</summary>
internal static class StatusText
{
    public static string Describe(ContainerRecord c, DateTimeOffset now) => c.Status switch
    {
        ContainerStatus.Created => "Created",
        ContainerStatus.Running => $"Up {HumanDuration(now - (c.StartedAt ?? now))}",
        ContainerStatus.Paused => $"Up {HumanDuration(now - (c.StartedAt ?? now))} (Paused)",
        ContainerStatus.Restarting => $"Restarting ({c.ExitCode}) {HumanDuration(now - (c.FinishedAt ?? now))} ago",
        ContainerStatus.Removing => "Removal In Progress",
        ContainerStatus.Dead => "Dead",
        _ => $"Exited ({c.ExitCode}) {HumanDuration(now - (c.FinishedAt ?? now))} ago",
    };

    /// <summary>The wording of Docker's go-units HumanDuration.</summary>
    public static string HumanDuration(TimeSpan d)
    {
        var seconds = (int)d.TotalSeconds;
        if (seconds < 1)
        {
            return "Less than a second";
        }

        if (seconds == 1)
        {
            return "1 second";
        }

        if (seconds < 60)
        {
            return Format("{0} seconds", seconds);
        }

        var minutes = (int)d.TotalMinutes;
        if (minutes == 1)
        {
            return "About a minute";
        }

        if (minutes < 60)
        {
            return Format("{0} minutes", minutes);
        }

        var hours = (int)(d.TotalHours + 0.5);
        return hours switch
        {
            1 => "About an hour",
            < 48 => Format("{0} hours", hours),
            < 24 * 7 * 2 => Format("{0} days", hours / 24),
            < 24 * 30 * 2 => Format("{0} weeks", hours / 24 / 7),
            < 24 * 365 * 2 => Format("{0} months", hours / 24 / 30),
            _ => Format("{0} years", (int)d.TotalHours / 24 / 365),
        };
    }

    private static string Format(string format, int value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
