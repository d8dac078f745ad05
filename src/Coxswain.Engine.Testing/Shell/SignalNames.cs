using System.Globalization;

namespace Coxswain.Engine.Testing;

/// <summary>Linux signal names and numbers ("SIGTERM" = 15).</summary>
internal static class SignalNames
{
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["SIGHUP"] = 1,
        ["SIGINT"] = 2,
        ["SIGQUIT"] = 3,
        ["SIGILL"] = 4,
        ["SIGTRAP"] = 5,
        ["SIGABRT"] = 6,
        ["SIGBUS"] = 7,
        ["SIGFPE"] = 8,
        ["SIGKILL"] = 9,
        ["SIGUSR1"] = 10,
        ["SIGSEGV"] = 11,
        ["SIGUSR2"] = 12,
        ["SIGPIPE"] = 13,
        ["SIGALRM"] = 14,
        ["SIGTERM"] = 15,
        ["SIGSTKFLT"] = 16,
        ["SIGCHLD"] = 17,
        ["SIGCONT"] = 18,
        ["SIGSTOP"] = 19,
        ["SIGTSTP"] = 20,
        ["SIGTTIN"] = 21,
        ["SIGTTOU"] = 22,
        ["SIGURG"] = 23,
        ["SIGXCPU"] = 24,
        ["SIGXFSZ"] = 25,
        ["SIGVTALRM"] = 26,
        ["SIGPROF"] = 27,
        ["SIGWINCH"] = 28,
        ["SIGIO"] = 29,
        ["SIGPWR"] = 30,
        ["SIGSYS"] = 31,
    };

    /// <summary>"TERM", "sigterm", "SIGTERM" or "15" → "SIGTERM"; null when not a signal.</summary>
    public static string? Normalize(string? signal)
    {
        if (string.IsNullOrWhiteSpace(signal))
        {
            return null;
        }

        var text = signal.Trim().ToUpperInvariant();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Numbers.FirstOrDefault(kv => kv.Value == number).Key;
        }

        if (!text.StartsWith("SIG", StringComparison.Ordinal))
        {
            text = "SIG" + text;
        }

        return Numbers.ContainsKey(text) ? text : null;
    }

    public static int Number(string normalized) => Numbers[normalized];

    /// <summary>Signals whose default action ends a process (not CHLD, CONT, WINCH, URG, STOP-like ones).</summary>
    public static bool TerminatesByDefault(string normalized) =>
        normalized is not ("SIGCHLD" or "SIGCONT" or "SIGWINCH" or "SIGURG" or "SIGSTOP" or "SIGTSTP" or "SIGTTIN" or "SIGTTOU");
}
