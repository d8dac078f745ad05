using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>Factories of the engine-backed YAML types: each reads its keys through <see cref="OperationArguments"/>.</summary>
internal static partial class EngineOperationFactories
{
    /// <summary><c>image</c>: <c>image</c> (required), <c>source</c>: pull (default) or busybox.</summary>
    public static IOperation? Image(OperationArguments a)
    {
        var reference = a.GetString("image", required: true);
        var source = a.GetString("source") switch
        {
            null or "pull" => ImageSource.Pull,
            "busybox" => ImageSource.Busybox,
            var other => Bad(a, "source", $"'source' must be 'pull' or 'busybox' (import the local busybox root filesystem), not '{other}'.", ImageSource.Pull),
        };
        return a.HasErrors || reference is null ? null : new ImageOperation(reference, source);
    }

    /// <summary>
    /// <c>network</c>: <c>name</c> (required), <c>state</c> (present, the default, or absent), and for present
    /// <c>driver</c> (default bridge), <c>internal</c>, <c>attachable</c>, <c>labels</c>.
    /// </summary>
    public static IOperation? Network(OperationArguments a)
    {
        var name = a.GetString("name", required: true);
        switch (a.GetString("state"))
        {
            case null or "present":
                break;
            case "absent":
                foreach (var key in (string[])["driver", "internal", "attachable", "labels"])
                {
                    if (a.KindOf(key) != ArgumentKind.Missing)
                    {
                        a.Error(key, $"'{key}' has no meaning with 'state: absent'; remove it.");
                    }
                }

                return a.HasErrors || name is null ? null : new NetworkAbsentOperation(name);
            case var other:
                a.Error("state", $"'state' must be 'present' or 'absent', not '{other}'.");
                break;
        }

        var spec = name is null ? null : new NetworkSpec(name)
        {
            Driver = a.GetString("driver") ?? "bridge",
            Internal = a.GetBool("internal") ?? false,
            Attachable = a.GetBool("attachable") ?? false,
            Labels = a.GetStringMap("labels"),
        };
        return a.HasErrors || spec is null ? null : new NetworkOperation(spec);
    }

    /// <summary><c>stop</c>: <c>container</c> (required), <c>stop_timeout</c>.</summary>
    public static IOperation? Stop(OperationArguments a)
    {
        var container = a.GetString("container", required: true);
        var timeout = a.GetDuration("stop_timeout");
        return a.HasErrors || container is null ? null : new StopOperation(container, timeout);
    }

    /// <summary><c>remove</c>: <c>container</c> (required), <c>force</c> (default true), <c>volumes</c> (default false).</summary>
    public static IOperation? Remove(OperationArguments a)
    {
        var container = a.GetString("container", required: true);
        var force = a.GetBool("force") ?? true;
        var volumes = a.GetBool("volumes") ?? false;
        return a.HasErrors || container is null ? null : new RemoveOperation(container, force, volumes);
    }

    /// <summary><c>restart</c>: <c>container</c> (required), <c>stop_timeout</c>.</summary>
    public static IOperation? Restart(OperationArguments a)
    {
        var container = a.GetString("container", required: true);
        var timeout = a.GetDuration("stop_timeout");
        return a.HasErrors || container is null ? null : new RestartOperation(container, timeout);
    }

    /// <summary>
    /// <c>exec</c>: <c>container</c> (required), <c>command</c> (a shell line, run with <c>sh -c</c>) or
    /// <c>argv</c>, <c>env</c>, <c>user</c>, <c>workdir</c>, <c>creates</c>, <c>changed_when</c>, <c>success_codes</c>.
    /// </summary>
    public static IOperation? Exec(OperationArguments a)
    {
        var container = a.GetString("container", required: true);
        var command = ReadCommand(a, "command", "argv", required: true);
        var spec = new ExecTaskSpec
        {
            Container = container ?? "",
            Command = command ?? [],
            Environment = a.GetStringMap("env"),
            User = a.GetString("user"),
            WorkingDirectory = a.GetString("workdir"),
            Creates = a.GetString("creates"),
            ChangedWhen = ReadChangedWhen(a),
            SuccessExitCodes = ReadCodes(a),
        };
        return a.HasErrors || container is null || command is null ? null : new ExecOperation(spec);
    }

    /// <summary>
    /// <c>wait</c>: <c>for</c> (running, exit, log, port), with <c>container</c> (running, exit, log),
    /// <c>exit_code</c> (exit), <c>text</c> (log), <c>port</c> and <c>host</c> (port, default 127.0.0.1);
    /// <c>within</c> (default 60s) and <c>interval</c> (default 250ms).
    /// </summary>
    public static IOperation? Wait(OperationArguments a)
    {
        var kind = a.GetString("for", required: true);
        var within = a.GetDuration("within");
        var interval = a.GetDuration("interval");
        WaitCondition? condition = null;
        switch (kind)
        {
            case null:
                break;
            case "running":
                condition = a.GetString("container", required: true) is { } c1 ? new ContainerRunningCondition(c1) : null;
                break;
            case "exit":
                var exitCode = a.GetInt("exit_code");
                condition = a.GetString("container", required: true) is { } c2 ? new ContainerExitedCondition(c2, exitCode) : null;
                break;
            case "log":
                var text = a.GetString("text", required: true);
                condition = a.GetString("container", required: true) is { } c3 && text is not null ? new LogLineCondition(c3, text) : null;
                break;
            case "port":
                var host = a.GetString("host") ?? "127.0.0.1";
                condition = a.GetInt("port", 1, 65535) is { } port ? new PortOpenCondition(host, port) : null;
                if (!a.HasErrors && condition is null)
                {
                    a.Error("a 'wait' task with 'for: port' needs 'port'.");
                }

                break;
            default:
                a.Error("for", $"'for' must be one of running, exit, log, port; not '{kind}'.");
                break;
        }

        if (within is { } w && w <= TimeSpan.Zero)
        {
            a.Error("within", "'within' must be a positive duration.");
        }

        if (interval is { } i && i <= TimeSpan.Zero)
        {
            a.Error("interval", "'interval' must be a positive duration.");
        }

        return a.HasErrors || condition is null ? null : new WaitOperation(condition, within, interval);
    }

    private static T Bad<T>(OperationArguments a, string key, string message, T fallback)
    {
        a.Error(key, message);
        return fallback;
    }

    /// <summary>A shell line under <paramref name="shellKey"/> (run with <c>sh -c</c>) or a list under <paramref name="argvKey"/>; exactly one.</summary>
    private static IReadOnlyList<string>? ReadCommand(OperationArguments a, string shellKey, string argvKey, bool required)
    {
        var shell = a.GetString(shellKey);
        var argv = a.GetStringList(argvKey);
        if (shell is not null && argv is not null)
        {
            a.Error($"give either '{shellKey}' (a shell line) or '{argvKey}' (a program and its arguments), not both.");
            return null;
        }

        if (shell is null && argv is null)
        {
            if (required)
            {
                a.Error($"a '{a.Type}' task needs '{shellKey}' (a shell line) or '{argvKey}' (a program and its arguments).");
            }

            return null;
        }

        if (argv is { Count: 0 })
        {
            a.Error(argvKey, $"'{argvKey}' is empty; give the program and its arguments.");
            return null;
        }

        return shell is not null ? ["sh", "-c", shell] : argv;
    }

    private static ChangedWhen ReadChangedWhen(OperationArguments a)
    {
        const string Help = "'changed_when' must be true, false, or a mapping with one of 'exit_code: N' or 'stdout_contains: text'.";
        switch (a.KindOf("changed_when"))
        {
            case ArgumentKind.Scalar:
                return a.GetBool("changed_when") == false ? ChangedWhen.Never : ChangedWhen.Always;
            case ArgumentKind.Mapping:
                var rule = a.GetStringMap("changed_when") ?? new Dictionary<string, string>();
                if (rule.Count == 1 && rule.TryGetValue("exit_code", out var code) && int.TryParse(code, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    return ChangedWhen.OnExitCode(n);
                }

                if (rule.Count == 1 && rule.TryGetValue("stdout_contains", out var text))
                {
                    return ChangedWhen.OnOutput(text);
                }

                a.Error("changed_when", Help);
                return ChangedWhen.Always;
            case ArgumentKind.List:
                a.Error("changed_when", Help);
                return ChangedWhen.Always;
            default:
                return ChangedWhen.Always;
        }
    }

    private static List<int> ReadCodes(OperationArguments a)
    {
        var codes = new List<int>();
        foreach (var text in a.GetStringList("success_codes") ?? ["0"])
        {
            if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                codes.Add(code);
            }
            else
            {
                a.Error("success_codes", $"'success_codes' must list whole numbers, not '{text}'.");
            }
        }

        return codes;
    }
}
