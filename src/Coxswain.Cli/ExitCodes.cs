namespace Coxswain.Cli;

/// <summary>What <c>cox</c>'s exit code means, for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and something failed (a check, a container, a plan step).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command or option, missing or bad value.</summary>
    public const int Usage = 2;

    /// <summary>No container engine answered (every endpoint tried is printed with its error).</summary>
    public const int EngineUnavailable = 3;

    /// <summary>Interrupted (Ctrl+C / SIGTERM), as shells report 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}
