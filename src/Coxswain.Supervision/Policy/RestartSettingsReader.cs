using System.Globalization;
using Coxswain.Compose;

namespace Coxswain.Supervision;

/// <summary>
/// Reads a service's <c>x-cox.restart</c> mapping over defaults: <c>initial_delay</c>, <c>factor</c>, <c>max_delay</c>,
/// <c>jitter</c>, <c>budget</c>, <c>window</c>, <c>stable_after</c> (durations in Compose syntax: <c>500ms</c>, <c>1m30s</c>).
/// Every problem is reported with its file position, together.
/// </summary>
public static class RestartSettingsReader
{
    /// <summary>The settings of <paramref name="service"/>: <paramref name="defaults"/> with what <c>x-cox.restart</c> sets.</summary>
    /// <param name="service">The service.</param>
    /// <param name="defaults">The daemon's defaults; <see cref="RestartSettings.Default"/> when null.</param>
    /// <param name="errors">Receives every problem found (the value at fault keeps its default).</param>
    /// <returns>The settings.</returns>
    public static RestartSettings Read(ServiceModel service, RestartSettings? defaults, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(errors);
        var settings = defaults ?? RestartSettings.Default;
        var path = $"services.{service.Name}.x-cox.restart";
        if (service.Cox?.Get("restart") is not { } node)
        {
            return settings;
        }

        if (node is not ComposeMapping mapping)
        {
            errors.Add($"{node.Location}: {path}: must be a mapping (initial_delay, factor, max_delay, jitter, budget, window, stable_after), not {node.KindName}");
            return settings;
        }

        foreach (var entry in mapping.Entries)
        {
            var at = $"{entry.Value.Location}: {path}.{entry.Name}";
            var text = (entry.Value as ComposeScalar)?.Value;
            switch (entry.Name)
            {
                case "initial_delay" when Duration(text, at, errors) is { } d:
                    settings = settings with { InitialDelay = d };
                    break;
                case "max_delay" when Duration(text, at, errors) is { } d:
                    settings = settings with { MaxDelay = d };
                    break;
                case "window" when Duration(text, at, errors) is { } d:
                    settings = settings with { Window = d };
                    break;
                case "stable_after" when Duration(text, at, errors) is { } d:
                    settings = settings with { StableAfter = d };
                    break;
                case "factor" when Number(text, at, errors) is { } f:
                    settings = settings with { Factor = f };
                    break;
                case "jitter" when Number(text, at, errors) is { } j:
                    settings = settings with { Jitter = j };
                    break;
                case "budget" when Number(text, at, errors) is { } b:
                    if (b != Math.Floor(b) || b > int.MaxValue)
                    {
                        errors.Add($"{at}: must be a whole number of restarts (got {text})");
                    }
                    else
                    {
                        settings = settings with { Budget = (int)b };
                    }

                    break;
                case "initial_delay" or "max_delay" or "window" or "stable_after" or "factor" or "jitter" or "budget":
                    break;
                default:
                    errors.Add($"{at}: unknown setting; use one of initial_delay, factor, max_delay, jitter, budget, window, stable_after");
                    break;
            }
        }

        foreach (var problem in settings.Validate(path))
        {
            errors.Add($"{mapping.Location}: {problem}");
        }

        return settings;
    }

    private static TimeSpan? Duration(string? text, string at, ICollection<string> errors)
    {
        string? error = "not a scalar";
        if (text is not null && ComposeDuration.TryParse(text, out var value, out error))
        {
            return value;
        }

        errors.Add($"{at}: must be a duration such as 500ms, 10s or 1m30s ({error})");
        return null;
    }

    private static double? Number(string? text, string at, ICollection<string> errors)
    {
        if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add($"{at}: must be a number (got {text ?? "not a scalar"})");
        return null;
    }
}
