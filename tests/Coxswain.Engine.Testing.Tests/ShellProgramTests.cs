namespace Coxswain.Engine.Testing.Tests;

/// <summary>The default program: the busybox sh subset, observed through the engine as a user would.</summary>
public sealed class ShellProgramTests
{
    [Fact]
    public async Task ShellScript_EchoToBothStreamsThenExit_LogsPerStreamAndExitCode()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "echo hi; echo oops >&2; echo also 1>&2; exit 3");

        Assert.Equal(3, await h.ExitCodeAsync("c"));
        Assert.Equal(["hi"], await h.StdoutAsync("c"));
        Assert.Equal(["oops", "also"], await h.StderrAsync("c"));
    }

    [Theory]
    [InlineData("false && echo no || echo yes", "yes", 0)]
    [InlineData("true && echo a && echo b", "a,b", 0)]
    [InlineData("true; false", "", 1)]
    [InlineData("false || false", "", 1)]
    [InlineData("echo one\necho two\n\nexit 4", "one,two", 4)]
    [InlineData("echo -n a; echo b", "ab", 0)]
    [InlineData("echo 'single  quoted' \"double $HOME\" back\\ slash", "single  quoted double /root back slash", 0)]
    [InlineData("X=1; echo $X ${X} ${MISSING:-fallback} \"$MISSING\"end", "1 1 fallback end", 0)]
    [InlineData("false; echo $?; true; echo $?", "1,0", 0)]
    [InlineData("for i in a b c; do echo $i; done", "a,b,c", 0)]
    [InlineData("if [ \"x\" = x ]; then echo yes; else echo no; fi", "yes", 0)]
    [InlineData("if false; then echo a; elif true; then echo b; fi", "b", 0)]
    [InlineData("n=a; while [ $n != aaa ]; do n=${n}a; echo $n; done", "aa,aaa", 0)]
    [InlineData("until true; do echo never; done; echo after", "after", 0)]
    [InlineData("! false && echo negated", "negated", 0)]
    [InlineData("{ echo grouped; }", "grouped", 0)]
    [InlineData("echo hidden >/dev/null; echo err 2>/dev/null; echo x > /tmp/file", "err", 0)]
    [InlineData("echo to-out 2>&1", "to-out", 0)]
    [InlineData("printf '%s-%d\\n' a 7", "a-7", 0)]
    [InlineData("echo -e 'a\\nb'", "a,b", 0)]
    [InlineData("# a comment\necho after-comment # trailing", "after-comment", 0)]
    [InlineData("exit 256", "", 0)]
    [InlineData("sh -c 'exit 5'; echo $?", "5", 0)]
    [InlineData("hostname", "myhost", 0)]
    [InlineData("[ -z \"\" ] && [ -n x ] && [ 3 -gt 2 ] && echo tests", "tests", 0)]
    [InlineData("trap 'echo bye' EXIT; echo hi", "hi,bye", 0)]
    [InlineData("exec echo replaced; echo never", "replaced", 0)]
    public async Task ShellScript_Subset_BehavesLikeBusyboxSh(string script, string expectedStdout, long expectedExit)
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Hostname = "myhost", Command = ["sh", "-c", script] }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);

        Assert.Equal(expectedExit, await h.ExitCodeAsync("c"));
        Assert.Equal(expectedStdout.Length == 0 ? [] : expectedStdout.Split(','), await h.StdoutAsync("c"));
    }

    [Theory]
    [InlineData(new[] { "echo", "hi" }, 0, "hi")]
    [InlineData(new[] { "true" }, 0, "")]
    [InlineData(new[] { "false" }, 1, "")]
    [InlineData(new[] { "sh", "-c", "exit 3" }, 3, "")]
    [InlineData(new[] { "/bin/sh", "-ec", "echo $0 $1", "zero", "one" }, 0, "zero one")]
    [InlineData(new[] { "busybox", "echo", "via", "busybox" }, 0, "via busybox")]
    [InlineData(new[] { "sh" }, 0, "")]
    public async Task CommandLine_WithoutShellScript_RunsOneCommand(string[] command, long expectedExit, string expectedStdout)
    {
        await using var h = new Harness();
        await h.RunAsync("c", command);

        Assert.Equal(expectedExit, await h.ExitCodeAsync("c"));
        Assert.Equal(expectedStdout.Length == 0 ? [] : [expectedStdout], await h.StdoutAsync("c"));
    }

    [Fact]
    public async Task Sleep_WaitsOnTheEnginesClock()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "echo a; sleep 5; echo b; exit 2");

        Assert.Equal(["a"], await h.StdoutAsync("c"));
        Assert.Equal(1, h.Time.PendingTimerCount);
        h.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.True((await h.StateAsync("c")).Running);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await h.ExitCodeAsync("c"));
        Assert.Equal(["a", "b"], await h.StdoutAsync("c"));
        Assert.Equal(h.Start.AddSeconds(5), (await h.StateAsync("c")).FinishedAt);
    }

    [Theory]
    [InlineData("0.5", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    public async Task Sleep_FractionsAndSuffixes_WaitThatLong(string argument, int milliseconds)
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", argument);
        h.Time.Advance(TimeSpan.FromMilliseconds(milliseconds - 1));
        Assert.True((await h.StateAsync("c")).Running);
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await h.ExitCodeAsync("c"));
    }

    [Fact]
    public async Task Sleep_InvalidNumber_FailsWithMessage()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "soon");
        Assert.Equal(1, await h.ExitCodeAsync("c"));
        Assert.Equal(["sleep: invalid number 'soon'"], await h.StderrAsync("c"));
    }

    [Theory]
    [InlineData("echo a | cat", "pipes")]
    [InlineData("echo $(hostname)", "command substitution")]
    [InlineData("(echo sub)", "subshells")]
    [InlineData("case x in x) echo;; esac", "case")]
    public async Task UnsupportedSyntax_ExitsTwoWithAnExplanation(string script, string explanation)
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", script);
        Assert.Equal(2, await h.ExitCodeAsync("c"));
        var error = Assert.Single(await h.StderrAsync("c"));
        Assert.StartsWith("sh: syntax error: ", error, StringComparison.Ordinal);
        Assert.Contains(explanation, error, StringComparison.Ordinal);
        Assert.Contains("ShellProgram", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyntaxError_ReportsWhatWasExpected()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "if true; then echo");
        Assert.Equal(2, await h.ExitCodeAsync("c"));
        Assert.Equal(["sh: syntax error: unexpected end of file (expecting \"fi\")"], await h.StderrAsync("c"));
    }

    [Theory]
    [InlineData("httpd", "-f", "-p", "80")]
    [InlineData("tail", "-f", "/dev/null")]
    [InlineData("redis-server", "--port", "6379")]
    [InlineData("sleep", "infinity")]
    [InlineData("nc", "-lk", "-p", "8080")]
    public async Task Servers_AndUnknownCommands_RunUntilStopped(params string[] command)
    {
        await using var h = new Harness();
        await h.RunAsync("c", command);
        h.Time.Advance(TimeSpan.FromDays(365));
        Assert.True((await h.StateAsync("c")).Running);
        Assert.Equal(0, h.Time.PendingTimerCount);
    }

    [Fact]
    public async Task HttpdWithoutForeground_DaemonizesAndTheScriptGoesOn()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "httpd -p 80 && echo started");
        Assert.Equal(0, await h.ExitCodeAsync("c"));
        Assert.Equal(["started"], await h.StdoutAsync("c"));
    }

    [Fact]
    public async Task ShWithOpenStdin_WaitsForInput()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sh"], OpenStdin = true }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        Assert.True((await h.StateAsync("c")).Running);
    }

    [Fact]
    public async Task UnknownCommandModeNotFound_FailsLikeAMissingBinary()
    {
        await using var h = new Harness(new InMemoryEngineOptions { UnknownCommands = UnknownCommandMode.NotFound });
        await h.CreateAsync("direct", "redis-server");
        var error = await Assert.ThrowsAsync<EngineApiException>(() => h.Engine.StartContainerAsync("direct", Harness.Token));
        Assert.Contains("exec: \"redis-server\": executable file not found in $PATH", error.Message, StringComparison.Ordinal);
        var state = await h.StateAsync("direct");
        Assert.Equal(ContainerStatus.Created, state.Status);
        Assert.Equal(127, state.ExitCode);

        await h.RunShellAsync("scripted", "redis-server; echo $?");
        Assert.Equal(0, await h.ExitCodeAsync("scripted"));
        Assert.Equal(["127"], await h.StdoutAsync("scripted"));
        Assert.StartsWith("sh: redis-server: not found", Assert.Single(await h.StderrAsync("scripted")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_FromSpecAndImage_IsVisibleToTheScript()
    {
        await using var h = new Harness();
        h.Engine.AddLocalImage("app:1", new ImageDefinition { Command = ["sh"], Environment = ["FROM_IMAGE=img", "SHARED=image"] });
        await h.Engine.CreateContainerAsync(new ContainerSpec
        {
            Name = "c",
            Image = "app:1",
            Command = ["sh", "-c", "echo $FROM_IMAGE $FROM_SPEC $SHARED; printenv FROM_SPEC"],
            Environment = new Dictionary<string, string> { ["FROM_SPEC"] = "spec", ["SHARED"] = "spec-wins" },
        }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);

        Assert.Equal(0, await h.ExitCodeAsync("c"));
        Assert.Equal(["img spec spec-wins", "spec"], await h.StdoutAsync("c"));
    }

    [Fact]
    public async Task BusyLoopWithoutWaits_DoesNotHoldTheCallerAndDiesOnKill()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "while true; do :; done").Within();
        Assert.True((await h.StateAsync("c")).Running);
        await h.Engine.KillContainerAsync("c", cancellationToken: Harness.Token);
        Assert.Equal(137, await h.ExitCodeAsync("c"));
    }
}
