using Microsoft.Extensions.Logging;

namespace Coxswain.Daemon;

/// <summary>The daemon's structured log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "cox daemon listening on {Socket} (tcp: {Tcp}); state in {DataDirectory}")]
    public static partial void Listening(ILogger logger, string socket, string tcp, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "adoption report for {Project}: {Report}")]
    public static partial void Adoption(ILogger logger, string project, string report);

    [LoggerMessage(Level = LogLevel.Information, Message = "cox daemon stopping (containers keep running)")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OOM kills on engines that do not report them (Podman) will show as 'killed': {Problem}")]
    public static partial void NoOomEvidence(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    public static partial void Resumed(ILogger logger, string line);
}
