using System.Diagnostics;

namespace Coxswain.Engine;

/// <summary>A <c>podman system service</c> child process: keeps its last lines of output, and on dispose kills it and removes the socket.</summary>
internal sealed class PodmanServiceProcess : IPodmanService
{
    private const int KeptLines = 20;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly TimeProvider _timeProvider;
    private readonly Queue<string> _recent = new();
    private int _disposed;
    private int? _exitCode;

    public PodmanServiceProcess(Process process, string socketPath, TimeProvider timeProvider)
    {
        _process = process;
        _timeProvider = timeProvider;
        SocketPath = socketPath;
        ProcessId = process.Id;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.StandardInput.Close();
    }

    public string SocketPath { get; }

    public int? ProcessId { get; }

    public bool HasExited
    {
        get
        {
            lock (_recent)
            {
                return _disposed != 0 || _process.HasExited;
            }
        }
    }

    public int? ExitCode
    {
        get
        {
            lock (_recent)
            {
                return _exitCode ?? (_disposed == 0 && _process.HasExited ? _process.ExitCode : null);
            }
        }
    }

    public string RecentOutput
    {
        get
        {
            lock (_recent)
            {
                return string.Join('\n', _recent);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(ExitWait, _timeProvider);
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // It did not go within the wait; it was sent SIGKILL, nothing more to do.
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            lock (_recent)
            {
                _exitCode = _process.HasExited ? _process.ExitCode : null;
                _process.Dispose();
            }

            TryDelete(SocketPath);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Keep(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_recent)
        {
            _recent.Enqueue(line);
            while (_recent.Count > KeptLines)
            {
                _recent.Dequeue();
            }
        }
    }
}
