namespace Coxswain.Plans.Operations;

/// <summary>Factories of the built-in YAML operation types.</summary>
internal static class BuiltInOperations
{
    /// <summary>
    /// <c>command</c>: <c>command</c> (a shell line) or <c>argv</c> (a list), <c>cwd</c>, <c>env</c>,
    /// <c>creates</c>, <c>changed_when</c> (true, false, or a mapping with <c>exit_code</c> or
    /// <c>stdout_contains</c>), <c>success_codes</c>.
    /// </summary>
    public static IOperation? Command(OperationArguments a)
    {
        var shell = a.GetString("command");
        var argv = a.GetStringList("argv");
        if ((shell is null) == (argv is null))
        {
            a.Error("a 'command' task needs exactly one of 'command' (a shell line) or 'argv' (a program and its arguments).");
        }

        var cwd = a.GetString("cwd");
        if (cwd is not null && a.BaseDirectory is { } baseDir)
        {
            cwd = Path.GetFullPath(cwd, baseDir);
        }

        var changedWhen = ChangedWhen.Always;
        switch (a.KindOf("changed_when"))
        {
            case ArgumentKind.Scalar:
                changedWhen = a.GetBool("changed_when") == false ? ChangedWhen.Never : ChangedWhen.Always;
                break;
            case ArgumentKind.Mapping:
                var rule = a.GetStringMap("changed_when") ?? new Dictionary<string, string>();
                if (rule.Count == 1 && rule.TryGetValue("exit_code", out var code) && int.TryParse(code, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    changedWhen = ChangedWhen.OnExitCode(n);
                }
                else if (rule.Count == 1 && rule.TryGetValue("stdout_contains", out var text))
                {
                    changedWhen = ChangedWhen.OnOutput(text);
                }
                else
                {
                    a.Error("changed_when", "'changed_when' must be true, false, or a mapping with one of 'exit_code: N' or 'stdout_contains: text'.");
                }

                break;
            case ArgumentKind.List:
                a.Error("changed_when", "'changed_when' must be true, false, or a mapping with one of 'exit_code: N' or 'stdout_contains: text'.");
                break;
        }

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

        var spec = new CommandSpec
        {
            Shell = shell,
            Arguments = argv,
            WorkingDirectory = cwd ?? a.BaseDirectory,
            Environment = a.GetStringMap("env"),
            Creates = a.GetString("creates"),
            ChangedWhen = changedWhen,
            SuccessExitCodes = codes,
        };
        return a.HasErrors ? null : new CommandOperation(spec);
    }

    /// <summary><c>http</c>: <c>url</c>, <c>expect_status</c> (default 200), <c>contains</c>.</summary>
    public static IOperation? Http(OperationArguments a)
    {
        var url = a.GetString("url", required: true);
        var status = a.GetInt("expect_status", 100, 599) ?? HttpOperation.DefaultExpectedStatus;
        var contains = a.GetString("contains");
        if (url is null)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            a.Error("url", $"'url' must be an absolute http:// or https:// URL, not '{url}'.");
            return null;
        }

        return a.HasErrors ? null : new HttpOperation(uri, status, contains);
    }

    /// <summary><c>noop</c>: <c>changed</c> (default false), <c>delay</c>, <c>message</c>.</summary>
    public static IOperation? Noop(OperationArguments a)
    {
        var changed = a.GetBool("changed") ?? false;
        var delay = a.GetDuration("delay");
        var message = a.GetString("message");
        return a.HasErrors ? null : new NoopOperation(changed, delay, message);
    }

    /// <summary><c>fail</c>: <c>message</c>, <c>attempts</c> (fail only the first n attempts).</summary>
    public static IOperation? Fail(OperationArguments a)
    {
        var message = a.GetString("message") ?? FailOperation.DefaultMessage;
        var attempts = a.GetInt("attempts", min: 0);
        return a.HasErrors ? null : new FailOperation(message, attempts);
    }
}
