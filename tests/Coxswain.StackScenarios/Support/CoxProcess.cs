using System.Diagnostics;
using System.Text;
using Xunit;

namespace Coxswain.StackScenarios;

/// <summary>
/// Runs the built <c>cox</c> command (cox.dll next to the tests, from the project reference) as a child process:
/// end to end, as users run it. Every run is bounded; one that overruns is killed with its process tree.
/// </summary>
public static class CoxProcess
{
    /// <summary>Runs <c>dotnet cox.dll ARGS</c> with extra environment variables, for at most <paramref name="timeout"/>.</summary>
    public static async Task<CoxResult> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var cox = Path.Combine(AppContext.BaseDirectory, "cox.dll");
        Assert.True(File.Exists(cox), $"the cox command is not built next to the tests: {cox} is missing");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(cox);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("DOCKER_HOST");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            var partial = new CoxResult(arguments, -1, Read(stdout), Read(stderr));
            Assert.Fail($"cox did not finish within {timeout.TotalSeconds:0} s and was killed:\n{partial.Describe()}");
        }

        // The exit event can come before the last output lines: the parameterless wait drains them.
        await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return new CoxResult(arguments, process.ExitCode, Read(stdout), Read(stderr));
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
