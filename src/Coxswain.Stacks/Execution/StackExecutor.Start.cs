using System.Globalization;
using System.Text.RegularExpressions;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Starting a container: taken ports named (with the holder when it is one of ours), immediate exits reported.</summary>
public sealed partial class StackExecutor
{
    private async Task StartAsync(StartContainerOperation start, CancellationToken ct)
    {
        try
        {
            await _engine.StartContainerAsync(start.Container, ct).ConfigureAwait(false);
        }
        catch (EngineApiException ex) when (PortPattern().Match(ex.EngineMessage) is { Success: true } match && IsPortInUse(ex.EngineMessage))
        {
            var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            var holder = await FindPortHolderAsync(port, start.Container, ct).ConfigureAwait(false);
            var held = holder is null ? "" : $" by {holder}";
            throw new StackOperationException(
                $"cannot start {start.Container} (service {start.ServiceName}): host port {port} is already taken{held}; "
                + "stop what holds it or publish the service on another port", ex);
        }

        var info = await _engine.InspectContainerAsync(start.Container, ct).ConfigureAwait(false);
        if (!info.State.Running && info.State.ExitCode != 0)
        {
            var tail = await LogTail.ReadAsync(_engine, start.Container, _options.LogTailLines, ct).ConfigureAwait(false);
            throw new StackWaitException(
                $"{start.Container} (service {start.ServiceName}) exited right after it started: exit code {info.State.ExitCode}{LogTail.Format(start.Container, tail)}",
                info.State.ExitCode,
                tail);
        }
    }

    private static bool IsPortInUse(string message) =>
        message.Contains("already allocated", StringComparison.OrdinalIgnoreCase) || message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    private async Task<string?> FindPortHolderAsync(int port, string self, CancellationToken ct)
    {
        try
        {
            var managed = await _engine.ListContainersAsync(new ContainerListOptions { RunningOnly = true, Labels = [StackLabels.Managed + "=true"] }, ct).ConfigureAwait(false);
            foreach (var summary in managed.Where(s => s.Name.TrimStart('/') != self))
            {
                var info = await _engine.InspectContainerAsync(summary.Id, ct).ConfigureAwait(false);
                if (info.Ports.Any(p => p.HostPort == port))
                {
                    var project = info.Labels.GetValueOrDefault(StackLabels.Project, "?");
                    return $"container {info.Name.TrimStart('/')} of project {project}";
                }
            }
        }
        catch (EngineException)
        {
            // the holder is a courtesy
        }

        return null;
    }

    [GeneratedRegex(@"(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]*\]|::):(?<port>\d{1,5})")]
    private static partial Regex PortPattern();
}
