using System.Diagnostics;
using System.Text;
using Xunit;

namespace Coxswain.DaemonScenarios;

/// <summary><c>cox daemon</c> (the built cox.dll next to the tests) as a child process that a scenario can kill -9.</summary>
public sealed class DaemonProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public DaemonProcess(string engine, string dataDirectory, string socket, string catalog)
    {
        var cox = Path.Combine(AppContext.BaseDirectory, "cox.dll");
        Assert.True(File.Exists(cox), $"the cox command is not built next to the tests: {cox} is missing");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cox, "-H", engine, "daemon", "--data-dir", dataDirectory, "--socket", socket, "--catalog", catalog })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("DOCKER_HOST");
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the daemon printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>SIGKILL: the daemon gets no chance to clean up, as after a crash or an OOM kill.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
