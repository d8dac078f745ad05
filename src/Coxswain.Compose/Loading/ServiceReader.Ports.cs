using System.Text.RegularExpressions;

namespace Coxswain.Compose;

/// <summary>Ports and expose.</summary>
internal sealed partial class ServiceReader
{
    private List<ServicePort> ReadPorts(ComposeNode node, string path)
    {
        var result = new List<ServicePort>();
        if (node is not ComposeSequence sequence)
        {
            _reader.WrongType(node, path, "a list of ports");
            return result;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = FieldPath.Index(path, i);
            switch (item)
            {
                case ComposeScalar { IsNull: false } scalar:
                    if (PortSyntax.TryParse(scalar.Value, out var ports, out var error))
                    {
                        result.AddRange(ports);
                    }
                    else
                    {
                        _reader.Invalid(item, itemPath, $"bad port \"{scalar.Value}\": {error} (e.g. \"8080:80\", \"127.0.0.1:8080:80/udp\")");
                    }

                    break;
                case ComposeMapping mapping:
                    if (ReadPortLong(mapping, itemPath) is { } port)
                    {
                        result.Add(port);
                    }

                    break;
                default:
                    _reader.WrongType(item, itemPath, "a port (\"8080:80\") or {target, published, host_ip, protocol}");
                    break;
            }
        }

        return result;
    }

    private ServicePort? ReadPortLong(ComposeMapping mapping, string path)
    {
        int? target = null;
        string? published = null;
        string? hostIp = null;
        var protocol = "tcp";
        string? mode = null;
        string? name = null;
        string? appProtocol = null;
        foreach (var field in mapping.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (!FieldCatalog.PortLong.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            var value = field.Value;
            switch (field.Name)
            {
                case "target":
                    target = _reader.Int(value, fieldPath, 1, 65535);
                    break;
                case "published":
                    published = _reader.String(value, fieldPath);
                    if (published is not null && !PortSyntax.TryRange(published, out _, out _))
                    {
                        _reader.Invalid(value, fieldPath, $"bad host port \"{published}\" (expected a port 1-65535 or a range like 8080-8081)");
                        published = null;
                    }

                    break;
                case "host_ip":
                    hostIp = _reader.String(value, fieldPath);
                    break;
                case "protocol":
                    protocol = ReadChoice(value, fieldPath, "protocol", ["tcp", "udp", "sctp"]) ?? protocol;
                    break;
                case "mode":
                    mode = ReadChoice(value, fieldPath, "port mode", ["host", "ingress"]);
                    break;
                case "name":
                    name = _reader.String(value, fieldPath);
                    break;
                case "app_protocol":
                    appProtocol = _reader.String(value, fieldPath);
                    break;
            }
        }

        if (target is null)
        {
            if (mapping.Get("target") is null)
            {
                _context.Diagnostics.Error(DiagnosticCodes.WrongType, mapping.Location, path, "a port needs a \"target\" (the container port)");
            }

            return null;
        }

        return new ServicePort(target.Value) { Published = published, HostIp = hostIp, Protocol = protocol, Mode = mode, Name = name, AppProtocol = appProtocol };
    }

    private string? ReadChoice(ComposeNode node, string path, string what, string[] choices)
    {
        if (_reader.String(node, path) is not { } value)
        {
            return null;
        }

        var lower = value.ToLowerInvariant();
        if (choices.Contains(lower))
        {
            return lower;
        }

        _reader.Invalid(node, path, $"bad {what} \"{value}\"{DidYouMean.Hint(value, choices)} (use {string.Join(", ", choices.SkipLast(1))} or {choices[^1]})");
        return null;
    }

    private List<string> ReadExpose(ComposeNode node, string path)
    {
        var result = new List<string>();
        var items = node is ComposeSequence sequence ? sequence.Items : [node];
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = node is ComposeSequence ? FieldPath.Index(path, i) : path;
            if (_reader.String(items[i], itemPath) is not { } value)
            {
                continue;
            }

            var match = ExposePattern().Match(value.Trim());
            if (!match.Success || !PortSyntax.TryRange(match.Groups[1].Value, out _, out _))
            {
                _reader.Invalid(items[i], itemPath, $"bad exposed port \"{value}\" (expected a port or range with an optional protocol, like 3306, 3000-3005 or 53/udp)");
                continue;
            }

            if (!result.Contains(value.Trim()))
            {
                result.Add(value.Trim());
            }
        }

        return result;
    }

    [GeneratedRegex(@"^(\d+(?:-\d+)?)(?:/(tcp|udp|sctp))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ExposePattern();
}
