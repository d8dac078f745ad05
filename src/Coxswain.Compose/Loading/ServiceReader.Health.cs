namespace Coxswain.Compose;

/// <summary>Healthcheck and restart policy.</summary>
internal sealed partial class ServiceReader
{
    private ServiceHealthcheck? ReadHealthcheck(ComposeNode node, string path)
    {
        if (_reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var result = new ServiceHealthcheck();
        foreach (var field in mapping.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (FieldCatalog.IsExtension(field.Name) || !FieldCatalog.Healthcheck.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            var value = field.Value;
            result = field.Name switch
            {
                "test" => ReadHealthTest(value, fieldPath) is { } test ? result with { Test = test, Disabled = result.Disabled || test is ["NONE"] } : result,
                "interval" => result with { Interval = _reader.Duration(value, fieldPath) },
                "timeout" => result with { Timeout = _reader.Duration(value, fieldPath) },
                "retries" => result with { Retries = _reader.Int(value, fieldPath, 0) },
                "start_period" => result with { StartPeriod = _reader.Duration(value, fieldPath) },
                "start_interval" => result with { StartInterval = _reader.Duration(value, fieldPath) },
                "disable" => _reader.Bool(value, fieldPath) == true ? result with { Disabled = true } : result,
                _ => result,
            };
        }

        return result.Disabled ? result with { Test = ["NONE"] } : result;
    }

    private List<string>? ReadHealthTest(ComposeNode node, string path)
    {
        switch (node)
        {
            case ComposeScalar { IsNull: false } scalar:
                return scalar.Value == "NONE" ? ["NONE"] : ["CMD-SHELL", scalar.Value];
            case ComposeSequence:
                var items = _reader.StringList(node, path);
                if (items is ["NONE"] or ["CMD", _, ..] or ["CMD-SHELL", _])
                {
                    return items;
                }

                _reader.Invalid(node, path, items.Count == 0
                    ? "an empty test; give [\"CMD\", \"program\", ...], [\"CMD-SHELL\", \"command\"] or [\"NONE\"]"
                    : $"a test list starts with CMD (then the program and its arguments), CMD-SHELL (then one command) or NONE, not \"{items[0]}\"");
                return null;
            default:
                _reader.WrongType(node, path, "a command string or a list");
                return null;
        }
    }

    private ServiceRestart? ReadRestart(ComposeNode node, string path)
    {
        if (_reader.String(node, path) is not { } text)
        {
            return null;
        }

        switch (text)
        {
            case "no" or "false":
                return new ServiceRestart(RestartCondition.No);
            case "always":
                return new ServiceRestart(RestartCondition.Always);
            case "unless-stopped":
                return new ServiceRestart(RestartCondition.UnlessStopped);
            case "on-failure":
                return new ServiceRestart(RestartCondition.OnFailure);
        }

        if (text.StartsWith("on-failure:", StringComparison.Ordinal))
        {
            if (int.TryParse(text["on-failure:".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var retries))
            {
                return new ServiceRestart(RestartCondition.OnFailure, retries);
            }

            _reader.Invalid(node, path, $"bad restart policy \"{text}\": the number of retries after \"on-failure:\" must be a whole number");
            return null;
        }

        string[] known = ["no", "always", "on-failure", "unless-stopped"];
        _reader.Invalid(node, path, $"bad restart policy \"{text}\"{DidYouMean.Hint(text, known)} (use no, always, on-failure[:max-retries] or unless-stopped)");
        return null;
    }
}
