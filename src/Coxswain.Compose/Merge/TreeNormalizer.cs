namespace Coxswain.Compose;

/// <summary>
/// Before files are merged, rewrites the service fields that have several YAML forms into one, so a list in one file and a
/// mapping in the next merge by key: <c>environment</c>, <c>labels</c>, <c>build.args</c> and <c>build.labels</c> lists become
/// mappings, <c>depends_on</c> and <c>networks</c> lists become mappings, <c>build: dir</c> becomes <c>{context: dir}</c>,
/// a single <c>env_file</c> or <c>tmpfs</c> becomes a list, and an <c>extra_hosts</c> mapping becomes a <c>host:ip</c> list.
/// Shapes it does not recognize are left for the reader to report.
/// </summary>
internal static class TreeNormalizer
{
    public static ComposeNode Normalize(ComposeNode root)
    {
        if (root is not ComposeMapping top || top.Get("services") is not ComposeMapping services)
        {
            return root;
        }

        var normalizedServices = services with
        {
            Entries = services.Entries.Select(e => e.Value is ComposeMapping service ? e with { Value = Service(service) } : e).ToList(),
        };
        return top with { Entries = top.Entries.Select(e => e.Name == "services" ? e with { Value = normalizedServices } : e).ToList() };
    }

    private static ComposeMapping Service(ComposeMapping service) => service with
    {
        Entries = service.Entries.Select(e => e with { Value = Field(e.Name, e.Value) }).ToList(),
    };

    private static ComposeNode Field(string name, ComposeNode value) => (name, value) switch
    {
        ("environment" or "labels" or "annotations" or "sysctls", ComposeSequence list) => KeyValueList(list) ?? value,
        ("depends_on" or "networks", ComposeSequence list) => NameList(list, name == "depends_on") ?? value,
        ("build", ComposeScalar { IsNull: false } context) => new ComposeMapping([new ComposeEntry(context with { Value = "context", IsPlain = true }, context)], context.Location) { Tag = context.Tag },
        ("build", ComposeMapping build) => build with
        {
            Entries = build.Entries.Select(e => e.Name is "args" or "labels" && e.Value is ComposeSequence list ? e with { Value = (ComposeNode?)KeyValueList(list) ?? list } : e).ToList(),
        },
        ("env_file" or "tmpfs" or "dns" or "dns_search" or "cap_add" or "cap_drop", ComposeScalar { IsNull: false } single) => new ComposeSequence([single], single.Location) { Tag = single.Tag },
        ("extra_hosts", ComposeMapping hosts) => HostList(hosts) ?? value,
        _ => value,
    };

    private static ComposeMapping? KeyValueList(ComposeSequence list)
    {
        var entries = new List<ComposeEntry>();
        foreach (var item in list.Items)
        {
            if (item is not ComposeScalar { IsNull: false } scalar)
            {
                return null;
            }

            var equals = scalar.Value.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? scalar.Value : scalar.Value[..equals];
            ComposeNode value = equals < 0
                ? new ComposeScalar(string.Empty, scalar.Location)
                : new ComposeScalar(scalar.Value[(equals + 1)..], scalar.Location) { IsPlain = false };
            var entry = new ComposeEntry(new ComposeScalar(key, scalar.Location) { IsPlain = false }, value);
            var existing = entries.FindIndex(e => e.Name == key);
            if (existing >= 0)
            {
                entries[existing] = entry;
            }
            else
            {
                entries.Add(entry);
            }
        }

        return new ComposeMapping(entries, list.Location) { Tag = list.Tag };
    }

    private static ComposeMapping? NameList(ComposeSequence list, bool emptyMappingValue)
    {
        var entries = new List<ComposeEntry>();
        foreach (var item in list.Items)
        {
            if (item is not ComposeScalar { IsNull: false } scalar)
            {
                return null;
            }

            if (entries.Exists(e => e.Name == scalar.Value))
            {
                continue;
            }

            ComposeNode value = emptyMappingValue ? new ComposeMapping([], scalar.Location) : new ComposeScalar(string.Empty, scalar.Location);
            entries.Add(new ComposeEntry(scalar with { IsPlain = false }, value));
        }

        return new ComposeMapping(entries, list.Location) { Tag = list.Tag };
    }

    private static ComposeSequence? HostList(ComposeMapping hosts)
    {
        var items = new List<ComposeNode>();
        foreach (var entry in hosts.Entries)
        {
            var addresses = entry.Value switch
            {
                ComposeScalar scalar => [scalar],
                ComposeSequence sequence when sequence.Items.All(i => i is ComposeScalar) => sequence.Items.Cast<ComposeScalar>().ToList(),
                _ => null,
            };
            if (addresses is null)
            {
                return null;
            }

            items.AddRange(addresses.Select(a => new ComposeScalar($"{entry.Name}:{a.Value}", entry.Key.Location) { IsPlain = false }));
        }

        return new ComposeSequence(items, hosts.Location) { Tag = hosts.Tag };
    }
}
