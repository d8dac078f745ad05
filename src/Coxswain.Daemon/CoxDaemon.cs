using System.Globalization;
using Coxswain.Apps;
using Coxswain.Compose;
using Coxswain.Daemon.Events;
using Coxswain.Daemon.Hosting;
using Coxswain.Daemon.Methods;
using Coxswain.Daemon.Rpc;
using Coxswain.Engine;
using Coxswain.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coxswain.Daemon;

/// <summary>
/// <c>cox daemon</c>: opens the state store, starts the API (unix socket, optional TCP), then the supervisor, which adopts
/// its stacks by label and logs an adoption report per stack; publishes every supervisor event on <c>GET /events</c>;
/// runs until cancelled, then stops the API and the supervisor (containers keep running).
/// </summary>
public static class CoxDaemon
{
    /// <summary>Runs the daemon until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="engine">The engine to supervise.</param>
    /// <param name="options">Paths, endpoints, clock.</param>
    /// <param name="configureLogging">Logging (JSON lines on stdout from the CLI).</param>
    /// <param name="cancellationToken">Stops the daemon (SIGINT/SIGTERM).</param>
    public static async Task RunAsync(IEngineClient engine, DaemonRunOptions options, Action<ILoggingBuilder>? configureLogging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        var time = options.TimeProvider;
        CreateOwnerOnly(options.DataDirectory);
        using var store = SupervisorStore.Open(Path.Combine(options.DataDirectory, "supervisor.db"));
        var apps = new AppManager(engine, new AppManagerOptions
        {
            CatalogDirectory = options.CatalogDirectory,
            StateDirectory = Path.Combine(options.DataDirectory, "apps"),
            TimeProvider = time,
        });
        using var oom = KernelLogOomEvidence.TryStart(out var oomProblem, time);
        var supervisor = new Supervisor(engine, store, new SupervisorOptions
        {
            OomEvidence = oom,
            TimeProvider = time,
            Epoch = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ProjectLoader = source => AppProject(apps, source.Project),
        });
        await using var disposeSupervisor = supervisor.ConfigureAwait(false);
        var events = new DaemonEventHub();
        var methods = new RpcMethodTable();
        var supervised = new SupervisedApps(apps, supervisor);
        AppMethods.Register(methods, supervised, events, time);
        StackMethods.Register(methods, supervisor, time);
        methods.Add("daemon.status", (_, _) => Task.FromResult<object?>(new { dataDirectory = options.DataDirectory, catalog = options.CatalogDirectory, methods = methods.Names }));

        var host = DaemonHost.Build(
            new DaemonOptions { SocketPath = options.SocketPath, TcpEndpoint = options.TcpEndpoint, Token = options.Token }, methods, events, configureLogging);
        await using var disposeHost = host.ConfigureAwait(false);
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Coxswain.Daemon");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(supervisor, events, stopping.Token);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        var tcp = options.TcpEndpoint is { } endpoint ? endpoint.ToString() : "off";
        Log.Listening(log, options.SocketPath, tcp, options.DataDirectory);
        if (oomProblem is not null)
        {
            Log.NoOomEvidence(log, oomProblem);
        }

        try
        {
            foreach (var report in await supervisor.StartAsync(cancellationToken).ConfigureAwait(false))
            {
                var text = report.ToText();
                Log.Adoption(log, report.Project, text);
                events.Publish(new DaemonEvent(time.GetUtcNow(), "adopted", report.Project, text));
            }

            foreach (var line in await supervised.ResumeInterruptedAsync(cancellationToken).ConfigureAwait(false))
            {
                Log.Resumed(log, line);
                events.Publish(new DaemonEvent(time.GetUtcNow(), "resumed", "daemon", line));
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Stopping(log);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await supervisor.StopAsync().ConfigureAwait(false);
            await stopping.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// An installed app's stack as the install made it (labels included, so adoption sees no drift); null for a stack that
    /// is not an app. An app whose install, upgrade or remove was interrupted is not adopted (the supervisor reports it
    /// and moves on): the daemon finishes that work first, then supervises the app again.
    /// </summary>
    private static ComposeProject? AppProject(AppManager apps, string project)
    {
        if (apps.Store.Get(project) is not { } record)
        {
            return null;
        }

        if (record.State != AppInstallState.Installed)
        {
            throw new ArgumentException($"app {project} was left {record.State.ToString().ToLowerInvariant()} by the previous daemon; it is finished first, then supervised");
        }

        return apps.InstalledProject(project) ?? throw new ArgumentException($"app {project}'s recorded Compose file no longer loads; reinstall it");
    }

    private static async Task PumpAsync(Supervisor supervisor, DaemonEventHub events, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await foreach (var e in supervisor.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = JsonNamingPolicyCamel(e.Kind.ToString());
            events.Publish(new DaemonEvent(e.Time, kind, e.Service is null ? e.Project : $"{e.Project}/{e.Service}", e.Message));
        }
    }

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static void CreateOwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
