using System.Net;

namespace Coxswain.Engine.Testing;

/// <summary>
/// Fault injection for an <see cref="InMemoryEngine"/>: failing or slow pulls, failing starts, containers that exit
/// right after starting, crashes and OOM kills now, failing calls, and a dropped connection. Faults that name a
/// container match its name, its id, or an id prefix of at least 12 characters; "container or image" also matches the image reference it was created from.
/// Faults with <c>times</c> null fire until removed.
/// </summary>
public sealed class EngineFaults
{
    private const string DefaultPullError = "Get \"https://registry-1.docker.io/v2/\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)";
    private const string DefaultStartError = "failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: injected start failure (engine.Faults.FailStart): unknown";

    private readonly InMemoryEngine _engine;
    private readonly Lock _gate = new();
    private readonly List<Rule> _rules = [];

    internal EngineFaults(InMemoryEngine engine)
    {
        _engine = engine;
    }

    /// <summary>Whether <see cref="Disconnect"/> is in force.</summary>
    public bool IsDisconnected => _engine.IsDisconnected;

    /// <summary>The next <paramref name="times"/> pulls of <paramref name="reference"/> fail with HTTP 500 and
    /// <paramref name="message"/> (a registry timeout by default); later ones succeed.</summary>
    public InjectedFault FailPull(string reference, int times = 1, string? message = null)
    {
        var normalized = ImageReference.Normalize(reference);
        return Add($"pull of {normalized} fails ({times} times)", times, RuleKind.PullFailure, target => target is string s && s == normalized, message ?? DefaultPullError);
    }

    /// <summary>Pulls of <paramref name="reference"/> take <paramref name="duration"/> on the engine's clock (downloading).</summary>
    public InjectedFault SlowPull(string reference, TimeSpan duration, int? times = null)
    {
        var normalized = ImageReference.Normalize(reference);
        return Add($"pull of {normalized} takes {duration}", times, RuleKind.SlowPull, target => target is string s && s == normalized, delay: duration);
    }

    /// <summary>Starts of the container (or of containers of the image) <paramref name="containerOrImage"/> fail with HTTP 500
    /// and <paramref name="message"/>; the container keeps its state with <c>State.Error</c> set and exit code <paramref name="exitCode"/>
    /// (as Docker does when the OCI runtime fails). No start or die event is published.</summary>
    public InjectedFault FailStart(string containerOrImage, string? message = null, int? times = null, int exitCode = 128) =>
        Add($"start of {containerOrImage} fails", times, RuleKind.StartFailure, Target(containerOrImage), message ?? DefaultStartError, exitCode);

    /// <summary>The container (or containers of the image) <paramref name="containerOrImage"/> start normally, then exit with
    /// <paramref name="exitCode"/> right away or after <paramref name="after"/> on the engine's clock, instead of running their program.</summary>
    public InjectedFault ExitAfterStart(string containerOrImage, int exitCode, TimeSpan? after = null, int? times = null) =>
        Add($"{containerOrImage} exits with {exitCode} after start", times, RuleKind.ExitAfterStart, Target(containerOrImage), exitCode: exitCode, delay: after ?? TimeSpan.Zero);

    /// <summary>Calls of <paramref name="method"/> (an <see cref="IEngineClient"/> method name such as "CreateContainer" or
    /// "StartContainerAsync") throw what <paramref name="error"/> returns (an <see cref="EngineApiException"/> with 500 by default).</summary>
    public InjectedFault FailCall(string method, Func<EngineException>? error = null, int? times = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var wanted = StripAsync(method);
        error ??= () => new EngineApiException($"call {wanted}", HttpStatusCode.InternalServerError, $"injected failure of {wanted} (engine.Faults.FailCall)");
        return Add($"{wanted} fails", times, RuleKind.CallFailure, target => target is string s && s == wanted, error: error);
    }

    /// <summary>The kernel's OOM killer ends the running container now: exit 137, <c>OOMKilled</c> true, events oom then die;
    /// the restart policy applies.</summary>
    /// <exception cref="InvalidOperationException">When the container is not running.</exception>
    public void OomKill(string container) => _engine.EndNow(container, 137, ExitCause.OutOfMemory);

    /// <summary>The running container's process exits now with <paramref name="exitCode"/> (a crash): event die; the restart policy applies.</summary>
    /// <exception cref="InvalidOperationException">When the container is not running.</exception>
    public void Crash(string container, int exitCode) => _engine.EndNow(container, exitCode, ExitCause.Exited);

    /// <summary>Drops the connection: every call throws <see cref="EngineUnavailableException"/> and open event, log, exec and
    /// stats streams end with it, until <see cref="Reconnect"/>. Containers keep running; what happens meanwhile (a crash,
    /// an exit) publishes no events, as with a real engine whose stream was down: re-list after reconnecting.</summary>
    public void Disconnect() => _engine.Disconnect();

    /// <summary>Brings the connection back after <see cref="Disconnect"/>.</summary>
    public void Reconnect() => _engine.Reconnect();

    /// <summary>Withdraws every registered fault (not a disconnect).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                rule.Fault.Remove();
            }

            _rules.Clear();
        }
    }

    internal void ThrowIfCallFails(string method)
    {
        if (Take(RuleKind.CallFailure, StripAsync(method)) is { } rule)
        {
            throw rule.Error!();
        }
    }

    internal string? TakePullFailure(string normalizedReference) => Take(RuleKind.PullFailure, normalizedReference)?.Message;

    internal TimeSpan TakePullDelay(string normalizedReference) => Take(RuleKind.SlowPull, normalizedReference)?.Delay ?? TimeSpan.Zero;

    internal (string Message, long ExitCode)? TakeStartFailure(ContainerRecord container) =>
        Take(RuleKind.StartFailure, container) is { } rule ? (rule.Message!, rule.ExitCode) : null;

    internal (int ExitCode, TimeSpan After)? TakeExitAfterStart(ContainerRecord container) =>
        Take(RuleKind.ExitAfterStart, container) is { } rule ? ((int)rule.ExitCode, rule.Delay) : null;

    private static string StripAsync(string method) => method.EndsWith("Async", StringComparison.Ordinal) ? method[..^5] : method;

    private static Func<object, bool> Target(string containerOrImage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerOrImage);
        var name = containerOrImage.TrimStart('/');
        var image = ImageReference.Normalize(containerOrImage);
        return target => target is ContainerRecord c
            && (c.Name == name || c.Id == containerOrImage || (containerOrImage.Length >= 12 && c.Id.StartsWith(containerOrImage, StringComparison.Ordinal))
                || ImageReference.Normalize(c.Spec.Image) == image);
    }

    private InjectedFault Add(
        string description,
        int? times,
        RuleKind kind,
        Func<object, bool> match,
        string? message = null,
        long exitCode = 0,
        TimeSpan delay = default,
        Func<EngineException>? error = null)
    {
        if (times is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(times), times, "a fault fires a positive number of times, or until removed when null");
        }

        lock (_gate)
        {
            var fault = new InjectedFault(_gate, description, times);
            _rules.Add(new Rule(kind, match, fault, message, exitCode, delay, error));
            return fault;
        }
    }

    private Rule? Take(RuleKind kind, object target)
    {
        lock (_gate)
        {
            for (var i = _rules.Count - 1; i >= 0; i--)
            {
                var rule = _rules[i];
                if (rule.Kind == kind && rule.Match(target) && rule.Fault.TryFire())
                {
                    return rule;
                }
            }
        }

        return null;
    }

    private enum RuleKind
    {
        PullFailure,
        SlowPull,
        StartFailure,
        ExitAfterStart,
        CallFailure,
    }

    private sealed record Rule(RuleKind Kind, Func<object, bool> Match, InjectedFault Fault, string? Message, long ExitCode, TimeSpan Delay, Func<EngineException>? Error);
}
