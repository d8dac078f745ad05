using Xunit;

namespace Coxswain.EngineTests;

/// <summary>The engine contract against <c>Coxswain.Engine.Testing.InMemoryEngine</c>.</summary>
[Trait("Category", "Contract")]
[Trait("Engine", "InMemory")]
public sealed class InMemoryEngineContract(InMemoryEngineFixture fixture) : EngineContract(fixture), IClassFixture<InMemoryEngineFixture>;
