using Coxswain.Engine;

namespace Coxswain.Cli.Tests.Fakes;

internal sealed class FakeContainer(string id, string name, ContainerSpec spec)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public ContainerSpec Spec { get; } = spec;

    public bool Running { get; set; }

    public List<IReadOnlyList<string>> Execs { get; } = [];
}
