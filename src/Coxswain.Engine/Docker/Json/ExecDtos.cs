namespace Coxswain.Engine.Docker;

// Wire shapes of the exec endpoints.
internal sealed class ExecCreateBody
{
    public bool AttachStdin { get; set; }

    public bool AttachStdout { get; set; } = true;

    public bool AttachStderr { get; set; } = true;

    public bool Tty { get; set; }

    public List<string> Cmd { get; set; } = [];

    public List<string>? Env { get; set; }

    public string? User { get; set; }

    public string? WorkingDir { get; set; }
}

internal sealed class ExecStartBody
{
    public bool Detach { get; set; }

    public bool Tty { get; set; }
}

internal sealed class ExecInspectDto
{
    public string? ID { get; set; }

    public bool Running { get; set; }

    public long? ExitCode { get; set; }

    public ExecProcessConfigDto? ProcessConfig { get; set; }
}

internal sealed class ExecProcessConfigDto
{
    public bool Tty { get; set; }
}
