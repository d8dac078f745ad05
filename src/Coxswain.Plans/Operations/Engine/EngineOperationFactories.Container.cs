using System.Globalization;
using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

internal static partial class EngineOperationFactories
{
    /// <summary>
    /// <c>container</c>: <c>name</c> and <c>image</c> (required); <c>command</c> (a shell line, run with
    /// <c>sh -c</c>) or <c>argv</c>; <c>entrypoint</c> (list); <c>env</c>, <c>labels</c> (mappings);
    /// <c>ports</c> ("[ip:]host:container[/proto]" or "container"); <c>networks</c> (names);
    /// <c>volumes</c> ("source:target[:ro]", an absolute source is a bind mount, a name a volume);
    /// <c>working_dir</c>, <c>user</c>, <c>hostname</c>, <c>restart</c> (no, always, unless-stopped,
    /// on-failure[:n]), <c>stop_timeout</c>, <c>stop_signal</c>, <c>read_only</c>, <c>init</c>.
    /// </summary>
    public static IOperation? Container(OperationArguments a)
    {
        var name = a.GetString("name", required: true);
        var image = a.GetString("image", required: true);
        var command = ReadCommand(a, "command", "argv", required: false);
        var spec = new ContainerSpec
        {
            Name = name,
            Image = image ?? "",
            Command = command,
            Entrypoint = a.GetStringList("entrypoint"),
            Environment = a.GetStringMap("env") ?? new Dictionary<string, string>(),
            Labels = a.GetStringMap("labels") ?? new Dictionary<string, string>(),
            Ports = [.. (a.GetStringList("ports") ?? []).Select(p => ParsePort(a, p)).OfType<PortBinding>()],
            Networks = [.. (a.GetStringList("networks") ?? []).Select(n => new NetworkAttachment(n))],
            Mounts = [.. (a.GetStringList("volumes") ?? []).Select(v => ParseVolume(a, v)).OfType<MountSpec>()],
            WorkingDirectory = a.GetString("working_dir"),
            User = a.GetString("user"),
            Hostname = a.GetString("hostname"),
            RestartPolicy = ParseRestart(a, a.GetString("restart")),
            StopTimeout = a.GetDuration("stop_timeout"),
            StopSignal = a.GetString("stop_signal"),
            ReadOnlyRootFilesystem = a.GetBool("read_only") ?? false,
            Init = a.GetBool("init"),
        };
        return a.HasErrors || name is null || image is null ? null : new ContainerOperation(spec);
    }

    private static PortBinding? ParsePort(OperationArguments a, string text)
    {
        var protocol = "tcp";
        var body = text;
        if (text.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0)
        {
            protocol = text[(slash + 1)..];
            body = text[..slash];
        }

        var parts = body.Split(':');
        int? Number(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 65535 ? n : null;
        PortBinding? binding = parts switch
        {
            [var c] when Number(c) is { } cp => new PortBinding(cp, null, protocol),
            [var h, var c] when Number(h) is { } hp && Number(c) is { } cp => new PortBinding(cp, hp, protocol),
            [var ip, var h, var c] when ip.Length > 0 && Number(c) is { } cp && (h.Length == 0 || Number(h) is not null) =>
                new PortBinding(cp, h.Length == 0 ? null : Number(h), protocol, ip),
            _ => null,
        };
        if (binding is null || protocol is not ("tcp" or "udp"))
        {
            a.Error("ports", $"'{text}' is not a port: use \"container\", \"host:container\" or \"ip:host:container\", optionally with /tcp or /udp (e.g. \"127.0.0.1:8080:80\").");
            return null;
        }

        return binding;
    }

    private static MountSpec? ParseVolume(OperationArguments a, string text)
    {
        var parts = text.Split(':');
        var (source, target, readOnly) = parts switch
        {
            [var s, var t] => (s, t, false),
            [var s, var t, "ro"] => (s, t, true),
            [var s, var t, "rw"] => (s, t, false),
            _ => ("", "", false),
        };
        if (source.Length == 0 || !target.StartsWith('/'))
        {
            a.Error("volumes", $"'{text}' is not a volume: use \"source:/path/in/container\" or \"source:/path:ro\" (an absolute source is a host path, a name a volume).");
            return null;
        }

        var type = source.StartsWith('/') ? MountType.Bind : MountType.Volume;
        return new MountSpec(type, source, target, readOnly);
    }

    private static RestartPolicy? ParseRestart(OperationArguments a, string? text)
    {
        switch (text)
        {
            case null:
                return null;
            case "no" or "always" or "unless-stopped" or "on-failure":
                return new RestartPolicy(text);
        }

        if (text.StartsWith("on-failure:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(11), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return new RestartPolicy("on-failure", n);
        }

        a.Error("restart", $"'restart' must be no, always, unless-stopped, on-failure or on-failure:N; not '{text}'.");
        return null;
    }
}
