using System.Text.Json;
using Coxswain.Compose;
using Coxswain.Daemon.Rpc;
using Coxswain.Supervision;

namespace Coxswain.Daemon.Methods;

/// <summary>
/// Supervision over JSON-RPC: <c>stack.add {files, project?, workingDirectory?}</c> (supervise a Compose project),
/// <c>stack.remove {project}</c>, <c>service.list {project?}</c> (states such as "restarting in 4 s (attempt 3 of 10)"),
/// <c>service.stop|start {project, service}</c> (a person's stop, kept across daemon restarts), <c>events.list {limit?, project?}</c>
/// and <c>service.inspect {project, service}</c> (crash dossiers).
/// </summary>
public static class StackMethods
{
    /// <summary>Adds the supervision methods to <paramref name="table"/>.</summary>
    /// <param name="table">The method table.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="time">The clock states are described against.</param>
    /// <returns>The table.</returns>
    public static RpcMethodTable Register(RpcMethodTable table, Supervisor supervisor, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(time);
        return table
            .Add("stack.add", async (p, ct) =>
            {
                var report = await supervisor.AddStackAsync(Load(p), ct).ConfigureAwait(false);
                return new { report.Project, text = report.ToText(), report.Adopted, report.Recreated, report.Removed, report.LeftAlone, report.Errors };
            })
            .Add("stack.remove", async (p, ct) => new { removed = await supervisor.RemoveStackAsync(RpcParams.RequiredString(p, "project"), ct).ConfigureAwait(false) })
            .Add("service.list", (p, _) =>
            {
                var project = RpcParams.OptionalString(p, "project");
                return Task.FromResult<object?>(supervisor.GetStates().Where(s => project is null || s.Project == project).Select(s => Describe(s, time)).ToList());
            })
            .Add("service.stop", (p, ct) => Named(p, (project, service) => supervisor.StopServiceAsync(project, service, ct), time))
            .Add("service.start", (p, ct) => Named(p, (project, service) => supervisor.StartServiceAsync(project, service, ct), time))
            .Add("events.list", (p, _) => Task.FromResult<object?>(
                supervisor.History(RpcParams.OptionalInt(p, "limit", 1, 10_000) ?? 100, RpcParams.OptionalString(p, "project"))))
            .Add("service.inspect", (p, _) => Task.FromResult<object?>(supervisor.Dossiers(
                RpcParams.RequiredString(p, "project"), RpcParams.RequiredString(p, "service"), RpcParams.OptionalInt(p, "limit", 1, 1000) ?? 10)));
    }

    /// <summary>A state as the API shows it: the fields plus the sentence people read.</summary>
    public static object Describe(ServiceState state, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(time);
        return new { state.Project, state.Service, state.Status, text = state.Describe(time.GetUtcNow()), state.Attempt, state.Budget, state.RestartAt, state.Reason };
    }

    private static async Task<object?> Named(JsonElement? p, Func<string, string, Task<ServiceState>> run, TimeProvider time)
    {
        var project = RpcParams.RequiredString(p, "project");
        var service = RpcParams.RequiredString(p, "service");
        try
        {
            return Describe(await run(project, service).ConfigureAwait(false), time);
        }
        catch (ArgumentException e)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, e.Message);
        }
    }

    private static ComposeProject Load(JsonElement? p)
    {
        var files = p is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("files", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [RpcParams.RequiredString(p, "file")];
        var result = ComposeLoader.Load(new LoadOptions
        {
            Files = files,
            ProjectName = RpcParams.OptionalString(p, "project"),
            WorkingDirectory = RpcParams.OptionalString(p, "workingDirectory"),
        });
        return result.Project ?? throw new RpcException(
            RpcErrorCodes.InvalidParams, $"cannot load {string.Join(", ", files)}: " + string.Join("; ", result.Errors), new { errors = result.Errors.Select(e => e.ToString()) });
    }
}
