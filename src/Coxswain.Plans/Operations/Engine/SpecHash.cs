using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>
/// A stable text and hash of a <see cref="ContainerSpec"/>: every field that shapes the container,
/// maps sorted by key, so equal specs hash equally across runs and processes.
/// </summary>
internal static class SpecHash
{
    /// <summary>The canonical text of <paramref name="spec"/> (one "key=value" per line).</summary>
    public static string Text(ContainerSpec spec)
    {
        var text = new StringBuilder();
        Line(text, "name", spec.Name);
        Line(text, "image", spec.Image);
        Line(text, "command", List(spec.Command));
        Line(text, "entrypoint", List(spec.Entrypoint));
        Line(text, "env", Map(spec.Environment));
        Line(text, "labels", Map(spec.Labels));
        Line(text, "workdir", spec.WorkingDirectory);
        Line(text, "user", spec.User);
        Line(text, "hostname", spec.Hostname);
        Line(text, "tty", spec.Tty ? "true" : "false");
        Line(text, "stdin", spec.OpenStdin ? "true" : "false");
        Line(text, "expose", string.Join(',', spec.ExposedPorts));
        Line(text, "ports", string.Join(',', spec.Ports.Select(p => $"{p.HostIp}:{p.HostPort}:{p.ContainerPort}/{p.Protocol}")));
        Line(text, "mounts", string.Join(',', spec.Mounts.Select(m => $"{m.Type}:{m.Source}:{m.Target}:{(m.ReadOnly ? "ro" : "rw")}")));
        Line(text, "networks", string.Join(',', spec.Networks.Select(n => n.Network + (n.Aliases is { Count: > 0 } a ? "(" + string.Join('|', a) + ")" : ""))));
        Line(text, "restart", spec.RestartPolicy is { } r ? $"{r.Name}:{r.MaximumRetryCount}" : null);
        Line(text, "resources", spec.Resources?.ToString());
        Line(text, "read_only", spec.ReadOnlyRootFilesystem ? "true" : "false");
        Line(text, "cap_add", string.Join(',', spec.CapAdd));
        Line(text, "cap_drop", string.Join(',', spec.CapDrop));
        Line(text, "security_opt", string.Join(',', spec.SecurityOptions));
        Line(text, "stop_signal", spec.StopSignal);
        Line(text, "stop_timeout", spec.StopTimeout?.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));
        Line(text, "init", spec.Init?.ToString());
        Line(text, "extra_hosts", string.Join(',', spec.ExtraHosts));
        return text.ToString();
    }

    /// <summary>16 hex digits of the SHA-256 of <see cref="Text"/>.</summary>
    public static string Compute(ContainerSpec spec) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(spec))).AsSpan(0, 8));

    /// <summary>"a=1;b=2" with keys sorted; empty for null.</summary>
    public static string Map(IReadOnlyDictionary<string, string>? map) =>
        map is null ? "" : string.Join(';', map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private static string List(IReadOnlyList<string>? list) => list is null ? "(default)" : "[" + string.Join('\u001f', list) + "]";

    private static void Line(StringBuilder text, string key, string? value) => text.Append(key).Append('=').Append(value).Append('\n');
}
