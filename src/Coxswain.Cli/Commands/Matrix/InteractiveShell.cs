using System.Buffers.Binary;
using System.Diagnostics;
using Coxswain.Engine;
using Coxswain.Matrix;

namespace Coxswain.Cli.Commands.Matrix;

/// <summary>
/// <c>cox matrix --shell</c>: one interactive <c>sh</c> in a target's image with the same mounts, environment and working
/// directory as its test containers, attached through the Engine API (a TTY in raw mode when stdin is a terminal, plain
/// pipes otherwise). The exit code is the shell's; the container is removed afterwards unless --keep-container.
/// </summary>
internal static class InteractiveShell
{
    public static async Task<int> RunAsync(CliContext context, IEngineClient engine, MatrixDefinition definition, string target, string image, CancellationToken ct)
    {
        if (engine is not IContainerAttach attach)
        {
            await context.Error.WriteLineAsync("cox matrix --shell: this engine client cannot attach; open the container with:\n"
                + ShellCommand.Format(definition, target, image)).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var tty = !Console.IsInputRedirected && context.OutputIsTerminal;
        var runId = RunId.From(context.Time.GetUtcNow());
        var name = $"{MatrixNames.Repository(definition.Name, target)}-shell-{runId.ToLowerInvariant()}";
        var spec = ContainerSpecFactory.Create(definition, target, image, name, runId) with { Command = ["sh"], Tty = tty, OpenStdin = true, StdinOnce = true };
        foreach (var cache in definition.Caches)
        {
            Directory.CreateDirectory(cache.HostPath(definition.RootDirectory, target)); // as the test runs get them
        }

        var id = (await engine.CreateContainerAsync(spec, ct).ConfigureAwait(false)).Id;
        string? saved = null;
        try
        {
            var stream = await attach.AttachAsync(id, ct).ConfigureAwait(false);
            await using var detach = stream.ConfigureAwait(false);
            await engine.StartContainerAsync(id, ct).ConfigureAwait(false);
            if (tty)
            {
                saved = Stty("-g")?.Trim();
                Stty("raw -echo");
                await attach.ResizeTtyAsync(id, Console.WindowHeight, Console.WindowWidth, ct).ConfigureAwait(false);
            }

            var output = tty ? CopyAsync(stream, Console.OpenStandardOutput(), ct) : DemultiplexAsync(stream, ct);
            _ = PumpStdinAsync(stream, ct);
            var exit = await engine.WaitContainerAsync(id, ct).ConfigureAwait(false);
            await output.WaitAsync(TimeSpan.FromSeconds(2), context.Time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return (int)exit;
        }
        finally
        {
            if (saved is not null)
            {
                Stty(saved);
            }

            if (!definition.Settings.KeepContainer)
            {
                await engine.RemoveContainerAsync(id, force: true, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Copies stdin into the container until stdin ends, then closes the container's side of stdin.</summary>
    private static async Task PumpStdinAsync(Stream stream, CancellationToken ct)
    {
        try
        {
            await Console.OpenStandardInput().CopyToAsync(stream, ct).ConfigureAwait(false);
            if (stream is System.Net.Sockets.NetworkStream network)
            {
                network.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // the container ended first
        }
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken ct)
    {
        var buffer = new byte[8192];
        int read;
        while ((read = await from.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
            await to.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Without a TTY the engine frames output: 8-byte headers (stream 1 stdout, 2 stderr; big-endian length).</summary>
    private static async Task DemultiplexAsync(Stream from, CancellationToken ct)
    {
        var header = new byte[8];
        var stdout = Console.OpenStandardOutput();
        var stderr = Console.OpenStandardError();
        while (true)
        {
            try
            {
                await from.ReadExactlyAsync(header, ct).ConfigureAwait(false);
            }
            catch (EndOfStreamException)
            {
                return;
            }

            var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4))];
            await from.ReadExactlyAsync(payload, ct).ConfigureAwait(false);
            var to = header[0] == 2 ? stderr : stdout;
            await to.WriteAsync(payload, ct).ConfigureAwait(false);
            await to.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <c>stty</c> on the controlling terminal (raw mode for the shell, and back); null when it fails.</summary>
    private static string? Stty(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("sh", ["-c", $"stty {arguments} < /dev/tty"]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start);
            var output = process?.StandardOutput.ReadToEnd();
            process?.WaitForExit();
            return process?.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
