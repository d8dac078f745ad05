using Xunit;

namespace Coxswain.StackScenarios;

/// <summary>
/// Compose stacks on a real engine, end to end through the <c>cox</c> command: each scenario writes its own small
/// compose file, uses a unique project name and always runs <c>down -v</c> afterwards.
/// </summary>
public abstract class StackScenarios(StackEngineFixture fixture)
{
    private const string Image = "cox-busybox:latest";

    [Fact]
    public async Task UpWait_ExampleStack_EveryServiceHealthyAndServing()
    {
        await using var stack = new ScenarioStack(fixture, "example");
        var example = Path.Combine(AppContext.BaseDirectory, "examples", "stack", "compose.yaml");
        await stack.WriteComposeAsync(await File.ReadAllTextAsync(example, TestContext.Current.CancellationToken));
        stack.SetVariable("WEB_PORT", fixture.WebPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await stack.CoxOkAsync("up", "-d", "--wait");

        // `up --wait` returning 0 is the health gate; `ps` runs each service's probe once more and must say healthy.
        var ps = await stack.CoxOkAsync("ps", "--json");
        var states = PsJson.StatesByService(ps.Stdout);
        foreach (var service in new[] { "db", "api", "web" })
        {
            Assert.True(
                states.TryGetValue(service, out var words) && words.Contains("healthy"),
                $"{service} is not healthy in `cox ps --json` on {fixture.EngineName}:\n{ps.Stdout}");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var page = await http.GetStringAsync(new Uri($"http://127.0.0.1:{fixture.WebPort}/cgi-bin/status"), TestContext.Current.CancellationToken);
        Assert.Equal("web: api: db ok", page.Trim());
    }

    [Fact]
    public async Task Up_Twice_SecondRunChangesNothing()
    {
        await using var stack = new ScenarioStack(fixture, "twice");
        await stack.WriteComposeAsync(ThreeTiers(apiGreeting: "hello"));
        await stack.CoxOkAsync("up", "-d");
        var before = await stack.ContainerIdsAsync();
        Assert.Equal(["api", "db", "web"], before.Keys);

        var second = await stack.CoxOkAsync("up", "-d");

        Assert.Contains("nothing to do", second.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await stack.ContainerIdsAsync());
    }

    [Fact]
    public async Task Up_AfterEditingOneService_RecreatesOnlyIt()
    {
        await using var stack = new ScenarioStack(fixture, "edit");
        await stack.WriteComposeAsync(ThreeTiers(apiGreeting: "hello"));
        await stack.CoxOkAsync("up", "-d");
        var before = await stack.ContainerIdsAsync();

        await stack.WriteComposeAsync(ThreeTiers(apiGreeting: "changed"));
        var second = await stack.CoxOkAsync("up", "-d");

        var after = await stack.ContainerIdsAsync();
        Assert.True(before["db"] == after["db"], $"db was recreated though it did not change:\n{second.Describe()}");
        Assert.True(before["web"] == after["web"], $"web was recreated though it did not change (its dependency has no restart: true):\n{second.Describe()}");
        Assert.True(before["api"] != after["api"], $"api was not recreated after its environment changed:\n{second.Describe()}");
        var api = await fixture.Engine.InspectContainerAsync(after["api"], TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Contains("GREETING=changed", api.Environment);
        Assert.True(api.State.Running, $"the recreated api container is not running: {api.State}");
    }

    [Fact]
    public async Task Down_AfterUp_LeavesNothingLabelled()
    {
        await using var stack = new ScenarioStack(fixture, "down");
        await stack.WriteComposeAsync(ThreeTiers(apiGreeting: "hello"));
        await stack.CoxOkAsync("up", "-d");
        Assert.Equal(3, (await stack.ContainersAsync()).Count);
        Assert.NotEmpty(await stack.NetworksAsync());

        await stack.CoxOkAsync("down", "-v", "-t", "0");

        Assert.Empty(await stack.ContainersAsync());
        Assert.Empty(await stack.NetworksAsync());
    }

    [Fact]
    public async Task UpWait_DependencyNeverHealthy_FailsWithItsProbeOutput()
    {
        await using var stack = new ScenarioStack(fixture, "unhealthy");
        var token = $"probe-says-no-{Guid.NewGuid().ToString("N")[..8]}";
        await stack.WriteComposeAsync($$"""
            services:
              db:
                image: {{Image}}
                command: ["/bin/sleep", "3600"]
                stop_grace_period: 1s
                healthcheck:
                  test: ["CMD-SHELL", "echo {{token}}; exit 1"]
                  interval: 1s
                  timeout: 2s
                  retries: 2
              api:
                image: {{Image}}
                command: ["/bin/sleep", "3600"]
                stop_grace_period: 1s
                depends_on:
                  db:
                    condition: service_healthy
            """);

        var up = await stack.CoxAsync("up", "-d", "--wait", "--wait-timeout", "60");

        Assert.True(up.ExitCode != 0, $"up --wait succeeded although db never gets healthy:\n{up.Describe()}");
        Assert.True(up.Output.Contains(token, StringComparison.Ordinal), $"the failure does not show db's probe output '{token}':\n{up.Describe()}");
        var running = (await stack.ContainersAsync())
            .Where(c => c.Labels.TryGetValue("io.coxswain.service", out var s) && s == "api" && c.Status == Coxswain.Engine.ContainerStatus.Running);
        Assert.True(!running.Any(), $"api was started although its dependency db never got healthy:\n{up.Describe()}");
    }

    [Fact]
    public async Task UpWait_EngineGoesAwayMidway_FailsClearlyAndTheNextUpConverges()
    {
        await using var stack = new ScenarioStack(fixture, "engine-gone");
        Assert.StartsWith("unix://", fixture.Address, StringComparison.Ordinal);
        await using var proxy = new EngineProxy(Path.Combine(stack.Directory, "engine.sock"), fixture.Address["unix://".Length..]);
        await stack.WriteComposeAsync(Chain(5));

        var up = stack.CoxViaAsync(proxy.Address, "up", "-d", "--wait", "--wait-timeout", "60");
        using (var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            bound.CancelAfter(TimeSpan.FromSeconds(60));
            while ((await stack.ContainersAsync()).Count == 0 && !up.IsCompleted)
            {
                await Task.Delay(20, bound.Token); // until the first container exists: the up is under way
            }
        }

        proxy.Cut();
        var failed = await up;
        TestContext.Current.TestOutputHelper?.WriteLine(failed.Describe());
        proxy.Restore();
        var again = await stack.CoxViaAsync(proxy.Address, "up", "-d", "--wait", "--wait-timeout", "60");

        Assert.True(failed.ExitCode != 0, $"up succeeded although the engine went away midway on {fixture.EngineName}:\n{failed.Describe()}");
        Assert.True(
            failed.Stderr.Contains(proxy.Path, StringComparison.Ordinal) && failed.Stderr.Contains("engine", StringComparison.OrdinalIgnoreCase),
            $"the failure does not say the engine at {proxy.Path} went away:\n{failed.Describe()}");
        Assert.True(again.ExitCode == 0, $"the next up did not converge on {fixture.EngineName}:\n{again.Describe()}");
        var ids = await stack.ContainerIdsAsync(); // fails on a duplicate container of any service
        Assert.Equal(["s1", "s2", "s3", "s4", "s5"], ids.Keys);
    }

    // s1 <- s2 <- ... <- sN, each healthy after a second, so an up --wait takes a few seconds.
    private static string Chain(int length)
    {
        var text = new System.Text.StringBuilder("services:\n");
        for (var i = 1; i <= length; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
                  s{{i}}:
                    image: {{Image}}
                    command: ["/bin/sleep", "3600"]
                    stop_grace_period: 1s
                    healthcheck:
                      test: ["CMD", "/bin/true"]
                      interval: 1s
                      retries: 3

                """);
            if (i > 1)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"    depends_on:\n      s{i - 1}:\n        condition: service_healthy\n");
            }
        }

        return text.ToString();
    }

    // db <- api <- web, sleeping busybox containers; api's environment carries the greeting that a scenario edits.
    private static string ThreeTiers(string apiGreeting) => $$"""
        services:
          db:
            image: {{Image}}
            command: ["/bin/sleep", "3600"]
            stop_grace_period: 1s
          api:
            image: {{Image}}
            command: ["/bin/sleep", "3600"]
            stop_grace_period: 1s
            environment:
              GREETING: {{apiGreeting}}
            depends_on: [db]
          web:
            image: {{Image}}
            command: ["/bin/sleep", "3600"]
            stop_grace_period: 1s
            depends_on: [api]
        """;
}
