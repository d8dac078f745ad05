namespace Coxswain.Engine.Testing;

/// <summary>
/// Scripted exec results, for probes and other commands the shell does not emulate. The most recently added matching
/// script answers; when none matches, the exec runs in <see cref="ShellProgram"/>.
/// </summary>
/// <example><code>
/// engine.Exec.Script("db", cmd =&gt; cmd.Contains("pg_isready"), ScriptedExecResult.Success("accepting connections"));
/// engine.Exec.Script(r =&gt; r.Labels.ContainsKey("probe"), r =&gt; new ScriptedExecResult(1, Stderr: "down") { Delay = TimeSpan.FromSeconds(2) });
/// </code></example>
public sealed class ExecScripts
{
    private readonly Lock _gate = new();
    private readonly List<ExecScript> _scripts = [];

    internal ExecScripts()
    {
    }

    /// <summary>Answers execs for which <paramref name="match"/> holds with <paramref name="respond"/>'s result.</summary>
    public ExecScript Script(Func<ExecRequest, bool> match, Func<ExecRequest, ScriptedExecResult> respond)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(respond);
        var script = new ExecScript(this, match, respond);
        lock (_gate)
        {
            _scripts.Add(script);
        }

        return script;
    }

    /// <summary>Answers execs in the container named (or with the id, or an id prefix of at least 12 characters) <paramref name="container"/> whose
    /// command satisfies <paramref name="command"/> with <paramref name="result"/>.</summary>
    public ExecScript Script(string container, Func<IReadOnlyList<string>, bool> command, ScriptedExecResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Script(container, command, _ => result);
    }

    /// <summary>Answers execs in <paramref name="container"/> whose command satisfies <paramref name="command"/> with <paramref name="respond"/>'s result.</summary>
    public ExecScript Script(string container, Func<IReadOnlyList<string>, bool> command, Func<ExecRequest, ScriptedExecResult> respond)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentNullException.ThrowIfNull(command);
        var name = container.TrimStart('/');
        return Script(r => (r.ContainerName == name || r.ContainerId == container || (container.Length >= 12 && r.ContainerId.StartsWith(container, StringComparison.Ordinal))) && command(r.Command), respond);
    }

    /// <summary>Answers every exec whose command satisfies <paramref name="command"/>, in any container.</summary>
    public ExecScript Script(Func<IReadOnlyList<string>, bool> command, ScriptedExecResult result)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(result);
        return Script(r => command(r.Command), _ => result);
    }

    /// <summary>Withdraws every script.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _scripts.Clear();
        }
    }

    internal void Remove(ExecScript script)
    {
        lock (_gate)
        {
            _scripts.Remove(script);
        }
    }

    internal ExecScript? Find(ExecRequest request)
    {
        lock (_gate)
        {
            for (var i = _scripts.Count - 1; i >= 0; i--)
            {
                if (_scripts[i].Match(request))
                {
                    return _scripts[i];
                }
            }
        }

        return null;
    }
}
