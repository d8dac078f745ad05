namespace Coxswain.Engine.Testing;

/// <summary>An exec instance (guarded by the engine's lock).</summary>
internal sealed class ExecRecord(string id, ContainerRecord container, ExecSpec spec)
{
    public string Id { get; } = id;

    public ContainerRecord Container { get; } = container;

    public ExecSpec Spec { get; } = spec;

    public string CommandText => string.Join(' ', Spec.Command);

    public bool Started { get; set; }

    public bool Running { get; set; }

    public long? ExitCode { get; set; }
}
