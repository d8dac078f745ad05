using System.Text.Json;
using Coxswain.Apps;
using Coxswain.Daemon.Events;
using Coxswain.Daemon.Rpc;

namespace Coxswain.Daemon.Methods;

/// <summary>
/// The app lifecycle over JSON-RPC, keyed by app id: <c>app.install|start|stop|restart|upgrade|status {id}</c>,
/// <c>app.remove {id, preserveData}</c>, <c>app.list</c>, <c>app.logs {id, lines}</c>, <c>app.health {id}</c>,
/// <c>container.list {id?}</c>, <c>container.health {container}</c>, and the aliases <c>package.install|start|stop|uninstall</c>.
/// A failed operation answers the app's error code (<see cref="AppErrorCode"/>) with its reasons, log tails, what was
/// rolled back and what is left as the error's data. Changes are published as events.
/// </summary>
public static class AppMethods
{
    /// <summary>Adds the app methods to <paramref name="table"/>.</summary>
    /// <param name="table">The method table.</param>
    /// <param name="supervised">The app manager paired with the supervisor.</param>
    /// <param name="events">Where installs, upgrades, removals and their failures are published.</param>
    /// <param name="time">The clock for event times.</param>
    /// <returns>The table.</returns>
    public static RpcMethodTable Register(RpcMethodTable table, SupervisedApps supervised, DaemonEventHub events, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(supervised);
        var apps = supervised.Apps;
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        return table
            .Add("app.install", Changing("installed", (id, _, ct) => supervised.InstallAsync(id, ct)))
            .Add("app.start", Changing("started", (id, _, ct) => supervised.StartAsync(id, ct)))
            .Add("app.stop", Changing("stopped", (id, _, ct) => supervised.StopAsync(id, ct)))
            .Add("app.restart", Changing("restarted", (id, _, ct) => supervised.RestartAsync(id, ct)))
            .Add("app.upgrade", Changing("upgraded", (id, _, ct) => supervised.UpgradeAsync(id, ct)))
            .Add("app.remove", Changing("removed", (id, p, ct) => supervised.RemoveAsync(id, RpcParams.OptionalBool(p, "preserveData") ?? false, ct)))
            .Add("app.status", async (p, ct) =>
            {
                var id = RpcParams.RequiredString(p, "id");
                var status = Unwrap(await apps.StatusAsync(id, ct).ConfigureAwait(false));
                return new { app = status, supervision = supervised.States(id).Select(s => StackMethods.Describe(s, time)).ToList() };
            })
            .Add("app.logs", Reading((id, p, ct) => apps.LogsAsync(id, RpcParams.OptionalInt(p, "lines", 1, 100_000), ct)))
            .Add("app.health", Reading((id, _, ct) => apps.HealthAsync(id, ct)))
            .Add("app.list", async (_, ct) => Unwrap(await apps.ListAsync(ct).ConfigureAwait(false)))
            .Add("container.list", async (p, ct) => Unwrap(await apps.ListContainersAsync(RpcParams.OptionalString(p, "id"), ct).ConfigureAwait(false)))
            .Add("container.health", async (p, ct) => Unwrap(await apps.ContainerHealthAsync(RpcParams.RequiredString(p, "container"), ct).ConfigureAwait(false)))
            .Alias("package.install", "app.install")
            .Alias("package.start", "app.start")
            .Alias("package.stop", "app.stop")
            .Alias("package.uninstall", "app.remove");

        Func<JsonElement?, CancellationToken, Task<object?>> Changing<T>(string done, Func<string, JsonElement?, CancellationToken, Task<AppResult<T>>> run) =>
            async (p, ct) =>
            {
                var id = RpcParams.RequiredString(p, "id");
                var result = await run(id, p, ct).ConfigureAwait(false);
                events.Publish(result.Succeeded
                    ? new DaemonEvent(time.GetUtcNow(), done, id, $"app {id} {done}")
                    : new DaemonEvent(time.GetUtcNow(), "error", id, result.Error!.Message));
                return Unwrap(result);
            };

        static Func<JsonElement?, CancellationToken, Task<object?>> Reading<T>(Func<string, JsonElement?, CancellationToken, Task<AppResult<T>>> run) =>
            async (p, ct) => Unwrap(await run(RpcParams.RequiredString(p, "id"), p, ct).ConfigureAwait(false));
    }

    /// <summary>The value of a successful result, or the error as an <see cref="RpcException"/> with the app's code and details.</summary>
    private static object? Unwrap<T>(AppResult<T> result)
    {
        if (result.Succeeded)
        {
            return result.Value;
        }

        var error = result.Error!;
        throw new RpcException((int)error.Code, error.Message, new
        {
            appId = error.AppId,
            kind = error.Code.ToString(),
            reasons = error.Reasons,
            logTails = error.LogTails,
            rolledBack = error.RolledBack,
            left = error.Left,
        });
    }
}
