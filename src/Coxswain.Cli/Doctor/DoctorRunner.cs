using Coxswain.Cli.Output;
using Coxswain.Engine;

namespace Coxswain.Cli.Doctor;

/// <summary>
/// The live check: ping; make sure the busybox image exists; create and start a <c>sleep 30</c> container; run
/// <c>sh -c 'echo cox-doctor; exit 3'</c> in it and expect exit code 3 and "cox-doctor"; remove the container.
/// A check whose prerequisite failed is skipped; the container is removed whenever it was created, even when a step
/// failed or the run was cancelled. Each finished check is handed to the observer as it ends, so output can follow live.
/// </summary>
internal sealed class DoctorRunner(IEngineClient engine, TimeProvider time, Action<DoctorCheck>? observer = null, DoctorOptions? options = null)
{
    /// <summary>The label on the check container, so a leftover can be found: <c>io.coxswain.doctor=true</c>.</summary>
    public const string Label = "io.coxswain.doctor";

    /// <summary>What the exec check runs.</summary>
    public static readonly IReadOnlyList<string> ExecCommand = ["sh", "-c", "echo cox-doctor; exit 3"];

    /// <summary>The exit code the exec check expects.</summary>
    public const long ExpectedExitCode = 3;

    /// <summary>The output the exec check expects.</summary>
    public const string ExpectedOutput = "cox-doctor";

    private readonly DoctorOptions _options = options ?? new DoctorOptions();
    private readonly List<DoctorCheck> _checks = [];

    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(CancellationToken cancellationToken)
    {
        var name = _options.ContainerName();
        var ping = await StepAsync("ping", "ping", async ct =>
        {
            await engine.PingAsync(ct).ConfigureAwait(false);
            return StepResult.Pass();
        }, _options.StepTimeout, cancellationToken).ConfigureAwait(false);

        var image = await StepAsync("image", $"busybox image {_options.BusyboxReference}", async ct =>
        {
            var ensured = await LocalImages.EnsureBusyboxImageAsync(engine, _options.BusyboxReference, _options.BusyboxPath, ct).ConfigureAwait(false);
            return StepResult.Pass(ensured.Imported ? "imported from " + _options.BusyboxPath : "present");
        }, _options.ImageTimeout, cancellationToken, requires: ping).ConfigureAwait(false);

        string? containerId = null;
        DoctorCheck? create = null;
        try
        {
            create = await StepAsync("create", $"create container {name}", async ct =>
            {
                var created = await engine.CreateContainerAsync(
                    new ContainerSpec
                    {
                        Name = name,
                        Image = _options.BusyboxReference,
                        Command = ["sleep", "30"],
                        Labels = new Dictionary<string, string> { [Label] = "true" },
                    },
                    ct).ConfigureAwait(false);
                containerId = created.Id;
                return StepResult.Pass(created.Warnings.Count == 0 ? null : "warnings: " + string.Join("; ", created.Warnings));
            }, _options.StepTimeout, CancellationToken.None, requires: image).ConfigureAwait(false);

            // The create itself is not interrupted (only bounded by its timeout): an engine finishes a create whose caller
            // went away, and the container would be left behind. Interrupted now, the finally below removes it.
            cancellationToken.ThrowIfCancellationRequested();

            var start = await StepAsync("start", "start container", async ct =>
            {
                await engine.StartContainerAsync(containerId!, ct).ConfigureAwait(false);
                return StepResult.Pass();
            }, _options.StepTimeout, cancellationToken, requires: create).ConfigureAwait(false);

            await StepAsync("exec", $"exec {FormatCommand(ExecCommand)}", async ct =>
            {
                var result = await engine.ExecAsync(containerId!, new ExecSpec(ExecCommand), _options.StepTimeout, time, ct).ConfigureAwait(false);
                var output = result.Stdout.Trim();
                var found = $"exit code {result.ExitCode}, output \"{Shorten(result.Output.Trim())}\"";
                return result.ExitCode == ExpectedExitCode && output == ExpectedOutput
                    ? StepResult.Pass(found)
                    : StepResult.Fail($"expected exit code {ExpectedExitCode} and output \"{ExpectedOutput}\", got {found}");
            }, _options.StepTimeout, cancellationToken, requires: start).ConfigureAwait(false);
        }
        finally
        {
            if (containerId is not null)
            {
                // Not tied to the caller's token: the container goes even when the run was interrupted.
                await StepAsync("remove", "remove container", async ct =>
                {
                    await engine.RemoveContainerAsync(containerId, force: true, removeVolumes: true, ct).ConfigureAwait(false);
                    return StepResult.Pass();
                }, _options.StepTimeout, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                if (create is null || create.Status == DoctorCheckStatus.Failed)
                {
                    // A create that failed, timed out or was interrupted may still have made the container.
                    await RemoveQuietlyAsync(name).ConfigureAwait(false);
                }

                if (create is not null)
                {
                    Record(new DoctorCheck("remove", "remove container", DoctorCheckStatus.Skipped, 0) { Error = "no container was created" });
                }
            }
        }

        return _checks.ToArray();
    }

    private async Task<DoctorCheck> StepAsync(
        string name,
        string label,
        Func<CancellationToken, Task<StepResult>> action,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        DoctorCheck? requires = null)
    {
        if (requires is { Status: not DoctorCheckStatus.Ok })
        {
            return Record(new DoctorCheck(name, label, DoctorCheckStatus.Skipped, 0) { Error = SkipReason(requires) });
        }

        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        DoctorCheck check;
        try
        {
            var result = await action(linked.Token).ConfigureAwait(false);
            check = new DoctorCheck(name, label, result.Ok ? DoctorCheckStatus.Ok : DoctorCheckStatus.Failed, Elapsed(started))
            {
                Detail = result.Ok ? result.Text : null,
                Error = result.Ok ? null : result.Text,
            };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = deadline.IsCancellationRequested && ex is OperationCanceledException or TimeoutException
                ? $"did not finish within {Durations.Format(timeout)}"
                : ex.Message;
            check = new DoctorCheck(name, label, DoctorCheckStatus.Failed, Elapsed(started)) { Error = error, Hint = DoctorHints.For(error) };
        }

        return Record(check);
    }

    private async Task RemoveQuietlyAsync(string name)
    {
        using var deadline = new CancellationTokenSource(_options.StepTimeout, time);
        try
        {
            await engine.RemoveContainerAsync(name, force: true, removeVolumes: true, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EngineException or OperationCanceledException)
        {
            // Usually "no such container": the create never happened.
        }
    }

    private DoctorCheck Record(DoctorCheck check)
    {
        _checks.Add(check);
        observer?.Invoke(check);
        return check;
    }

    private long Elapsed(long started) => Durations.Milliseconds(time.GetElapsedTime(started));

    private static string SkipReason(DoctorCheck failed) =>
        failed.Status == DoctorCheckStatus.Skipped ? failed.Error ?? "skipped" : $"skipped: {failed.Name} failed";

    private static string FormatCommand(IReadOnlyList<string> command) =>
        string.Join(' ', command.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private sealed record StepResult(bool Ok, string? Text)
    {
        public static StepResult Pass(string? detail = null) => new(true, detail);

        public static StepResult Fail(string error) => new(false, error);
    }
}
