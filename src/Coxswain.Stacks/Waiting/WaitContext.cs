using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>What a condition sees at one check: the engine, the container as just inspected, and the clock.</summary>
/// <param name="Engine">The engine, for conditions that read more (logs).</param>
/// <param name="Container">The container, inspected for this check.</param>
/// <param name="TimeProvider">The waiter's clock.</param>
public sealed record WaitContext(IEngineClient Engine, ContainerInfo Container, TimeProvider TimeProvider);
