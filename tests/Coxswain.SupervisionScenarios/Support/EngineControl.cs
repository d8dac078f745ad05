using System.Diagnostics;
using Xunit;

namespace Coxswain.SupervisionScenarios.Support;

/// <summary>Restarts a test engine through <c>scripts/engines.sh restart</c>: it goes down with its containers and comes back.</summary>
internal static class EngineControl
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    /// <summary>Runs <c>scripts/engines.sh restart docker|podman</c> and fails the test with its output when it does not succeed.</summary>
    public static async Task RestartAsync(string engine, CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "engines.sh");
        var start = new ProcessStartInfo("bash", [script, "restart", engine])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(Bound);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`bash {script} restart {engine}` did not finish within {Bound}");
        }

        Assert.True(process.ExitCode == 0, $"`bash {script} restart {engine}` exited with {process.ExitCode}:\n{await output}{await errors}");
    }

    /// <summary>The folder holding Coxswain.slnx, above the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Coxswain.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Coxswain.slnx above {AppContext.BaseDirectory}");
    }
}
