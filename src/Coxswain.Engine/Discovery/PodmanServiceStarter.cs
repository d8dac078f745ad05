using System.Diagnostics;

namespace Coxswain.Engine;

/// <summary>Starts the real <c>podman system service</c> process (no shell), in a private socket folder created with mode 0700.</summary>
public sealed class PodmanServiceStarter : IPodmanServiceStarter
{
    /// <summary>Creates a starter whose stop waits are measured on <paramref name="timeProvider"/> (default: the system clock).</summary>
    public PodmanServiceStarter(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The clock stop waits are measured on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public Task<IPodmanService> StartAsync(string podmanPath, string socketPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(podmanPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        cancellationToken.ThrowIfCancellationRequested();

        var directory = Path.GetDirectoryName(socketPath);
        if (!string.IsNullOrEmpty(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        // A socket left by an earlier process with the same pid would make podman fail with "address already in use".
        File.Delete(socketPath);

        var startInfo = new ProcessStartInfo(podmanPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "system", "service", "--time", "0", "unix://" + socketPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new EngineException($"could not start '{podmanPath} system service': {ex.Message}", ex);
        }

        return Task.FromResult<IPodmanService>(new PodmanServiceProcess(process, socketPath, TimeProvider));
    }
}
