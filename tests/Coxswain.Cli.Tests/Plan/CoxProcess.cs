using System.Diagnostics;
using System.Text;

namespace Coxswain.Cli.Tests.Plan;

/// <summary>The built <c>cox</c> run as a real child process (<c>dotnet cox.dll ...</c>, the cox.dll copied next to the tests).</summary>
internal sealed class CoxProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private CoxProcess(Process process) => this.process = process;

    public static string CoxDll => Path.Combine(AppContext.BaseDirectory, "cox.dll");

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static CoxProcess Start(params string[] args)
    {
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CoxDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var cox = new CoxProcess(process);
        process.OutputDataReceived += (_, e) => cox.Append(e.Data);
        process.ErrorDataReceived += (_, e) => cox.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cox;
    }

    /// <summary>SIGKILL to cox alone, as <c>kill -9</c> does: the commands it started are orphaned and may still finish.</summary>
    public void KillNine() => process.Kill(entireProcessTree: false);

    public async Task<int> WaitAsync(TimeSpan bound, CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken).WaitAsync(bound, cancellationToken);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
