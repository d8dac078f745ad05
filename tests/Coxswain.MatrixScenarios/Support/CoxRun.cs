using System.Diagnostics;
using System.Text;
using Xunit;

namespace Coxswain.MatrixScenarios;

/// <summary>The built <c>cox</c> command (cox.dll next to the tests) as a child process, bounded in time; it can be sent SIGINT.</summary>
public sealed class CoxRun : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private CoxRun(IReadOnlyList<string> arguments, string workingDirectory, string? input = null)
    {
        Arguments = arguments;
        var cox = Path.Combine(AppContext.BaseDirectory, "cox.dll");
        Assert.True(File.Exists(cox), $"the cox command is not built next to the tests: {cox} is missing");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(cox);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("DOCKER_HOST");
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
    }

    public IReadOnlyList<string> Arguments { get; }

    public string Stdout => Read(stdout);

    public string Stderr => Read(stderr);

    public int ExitCode => process.ExitCode;

    public static CoxRun Start(string workingDirectory, params string[] arguments) => new(arguments, workingDirectory);

    /// <summary>Runs to the end with <paramref name="input"/> on stdin (at most <paramref name="timeout"/>; killed and failed after).</summary>
    public static async Task<CoxRun> RunWithInputAsync(string workingDirectory, TimeSpan timeout, string input, params string[] arguments)
    {
        var run = new CoxRun(arguments, workingDirectory, input);
        await run.WaitAsync(timeout);
        return run;
    }

    /// <summary>Runs to the end (at most <paramref name="timeout"/>; killed and failed after).</summary>
    public static async Task<CoxRun> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var run = Start(workingDirectory, arguments);
        await run.WaitAsync(timeout);
        return run;
    }

    /// <summary>Sends SIGINT, as Ctrl+C does.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(10_000);
    }

    public async Task WaitAsync(TimeSpan timeout)
    {
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
            Assert.Fail($"cox did not finish within {timeout.TotalSeconds:0} s and was killed:\n{Describe()}");
        }

        await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    public string Describe() =>
        $"cox {string.Join(' ', Arguments)}\nexit code: {(process.HasExited ? process.ExitCode : -1)}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
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
