namespace Coxswain.Engine.Docker;

/// <summary>How container output is framed on the wire.</summary>
internal enum LogFraming
{
    /// <summary>The engine's multiplexed format: an 8-byte header (stream byte, three zero bytes, big-endian length) before each payload.</summary>
    Multiplexed,

    /// <summary>Plain bytes, all stdout (TTY containers and TTY execs).</summary>
    Raw,

    /// <summary>Not known: decided from the first bytes (a valid multiplexed header, or else raw).</summary>
    Detect,
}
