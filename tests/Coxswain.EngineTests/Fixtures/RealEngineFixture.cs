using Coxswain.Engine;

namespace Coxswain.EngineTests;

/// <summary>A real engine reached through <see cref="DockerEngineClient"/> at the address in an environment variable.</summary>
public abstract class RealEngineFixture : EngineFixture
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The environment variable holding the engine's address (e.g. COX_TEST_DOCKER_HOST).</summary>
    protected abstract string Variable { get; }

    protected override async Task<(IEngineClient? Client, string? Unavailable)> ConnectAsync(CancellationToken cancellationToken)
    {
        const string HowToStart =
            "start the test engines with `bash scripts/engines.sh start` and export their addresses with `eval \"$(bash scripts/engines.sh env)\"`";
        var address = System.Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(address))
        {
            return (null, $"{Variable} is not set, so the {ExpectedKind} contract tests have no engine: {HowToStart}");
        }

        DockerEngineClient? client = null;
        try
        {
            client = new DockerEngineClient(new EngineEndpoint(address, Variable));
            await client.PingAsync(cancellationToken).WaitAsync(PingTimeout, cancellationToken);
            return (client, null);
        }
        catch (Exception e) when (e is EngineException or TimeoutException or ArgumentException or HttpRequestException)
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }

            return (null, $"the {ExpectedKind} engine at {address} ({Variable}) does not answer ({e.GetType().Name}: {e.Message}): {HowToStart}");
        }
    }
}
