namespace Coxswain.Compose;

/// <summary>Reads one service's merged mapping into a <see cref="ServiceModel"/>, reporting every problem with its path and location.</summary>
internal sealed partial class ServiceReader
{
    private readonly LoadContext _context;
    private readonly FieldReader _reader;
    private readonly string _name;
    private readonly string _path;
    private ServiceModel _model;
    private readonly Dictionary<string, (ComposeNode Node, string Path)> _legacyResources = new(StringComparer.Ordinal);
    private IReadOnlyList<(string Key, string? Value, SourceLocation Location)> _environment = [];

    private ServiceReader(LoadContext context, ComposeEntry entry)
    {
        _context = context;
        _reader = context.Reader;
        _name = entry.Name;
        _path = FieldPath.Child("services", entry.Name);
        _model = new ServiceModel(entry.Name) { Location = entry.Key.Location };
    }

    public static ServiceModel Read(LoadContext context, ComposeEntry entry)
    {
        var reader = new ServiceReader(context, entry);
        return reader.ReadService(entry);
    }

    private ServiceModel ReadService(ComposeEntry entry)
    {
        if (entry.Value is ComposeScalar { IsNull: true })
        {
            _context.Diagnostics.Error(DiagnosticCodes.MissingImage, entry.Key.Location, _path, "the service is empty; give it an image or a build");
            return _model;
        }

        if (_reader.Mapping(entry.Value, _path) is not { } service)
        {
            return _model;
        }

        var extensions = new OrderedDictionary<string, ComposeNode>(StringComparer.Ordinal);
        foreach (var field in service.Entries)
        {
            var path = FieldPath.Child(_path, field.Name);
            if (FieldCatalog.IsExtension(field.Name))
            {
                extensions[field.Name] = field.Value;
                continue;
            }

            if (!FieldCatalog.Service.Accepts(field, path, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            ReadField(field, path);
        }

        if (extensions.GetValueOrDefault("x-cox") is { } cox and not ComposeMapping)
        {
            _reader.WrongType(cox, FieldPath.Child(_path, "x-cox"), "a mapping (Coxswain's settings for the service)");
        }

        _model = _model with { Extensions = extensions };
        Finish(service);
        return _model;
    }

    private void ReadField(ComposeEntry field, string path)
    {
        var node = field.Value;
        switch (field.Name)
        {
            case "image":
                _model = _model with { Image = _reader.String(node, path) };
                break;
            case "build":
                _model = _model with { Build = ReadBuild(node, path) };
                break;
            case "pull_policy":
                _model = _model with { PullPolicy = ReadPullPolicy(node, path) };
                break;
            case "command":
                _model = _model with { Command = ReadCommand(node, path) };
                break;
            case "entrypoint":
                _model = _model with { Entrypoint = ReadCommand(node, path) };
                break;
            case "environment":
                _environment = _reader.KeyValues(node, path);
                break;
            case "env_file":
                _model = _model with { EnvFiles = ReadEnvFiles(node, path) };
                break;
            case "labels":
                _model = _model with { Labels = _reader.StringMap(node, path) };
                break;
            case "ports":
                _model = _model with { Ports = ReadPorts(node, path) };
                break;
            case "expose":
                _model = _model with { Expose = ReadExpose(node, path) };
                break;
            case "volumes":
                _model = _model with { Volumes = ReadVolumes(node, path) };
                break;
            case "tmpfs":
                _model = _model with { Tmpfs = ReadTmpfs(node, path) };
                break;
            case "networks":
                _model = _model with { Networks = ReadNetworks(node, path) };
                break;
            case "depends_on":
                _model = _model with { DependsOn = ReadDependsOn(node, path) };
                break;
            case "healthcheck":
                _model = _model with { Healthcheck = ReadHealthcheck(node, path) };
                break;
            case "restart":
                _model = _model with { Restart = ReadRestart(node, path) };
                break;
            case "deploy":
                ReadDeploy(node, path);
                break;
            case "cpus" or "cpu_shares" or "mem_limit" or "mem_reservation" or "memswap_limit" or "pids_limit" or "scale":
                _legacyResources[field.Name] = (node, path);
                break;
            default:
                ReadSimpleField(field.Name, node, path);
                break;
        }
    }

    private void ReadSimpleField(string name, ComposeNode node, string path)
    {
        _model = name switch
        {
            "stop_grace_period" => _model with { StopGracePeriod = _reader.Duration(node, path) },
            "stop_signal" => _model with { StopSignal = _reader.String(node, path) },
            "user" => _model with { User = _reader.String(node, path) },
            "working_dir" => _model with { WorkingDir = _reader.String(node, path) },
            "read_only" => _model with { ReadOnly = _reader.Bool(node, path) ?? false },
            "cap_add" => _model with { CapAdd = _reader.StringOrList(node, path) },
            "cap_drop" => _model with { CapDrop = _reader.StringOrList(node, path) },
            "security_opt" => _model with { SecurityOpt = _reader.StringList(node, path) },
            "secrets" => _model with { Secrets = ReadFileReferences(node, path, "/run/secrets/", "secret") },
            "configs" => _model with { Configs = ReadFileReferences(node, path, "/", "config") },
            "profiles" => _model with { Profiles = _reader.StringList(node, path) },
            "container_name" => _model with { ContainerName = _reader.String(node, path) },
            "hostname" => _model with { Hostname = _reader.String(node, path) },
            "extra_hosts" => _model with { ExtraHosts = ReadExtraHosts(node, path) },
            "init" => _model with { Init = _reader.Bool(node, path) },
            "tty" => _model with { Tty = _reader.Bool(node, path) ?? false },
            "stdin_open" => _model with { StdinOpen = _reader.Bool(node, path) ?? false },
            _ => _model,
        };
    }

    private void Finish(ComposeMapping service)
    {
        _model = _model with { Environment = BuildEnvironment() };
        ApplyLegacyResources();
        if (_model.Networks.Count == 0)
        {
            _model = _model with { Networks = [new ServiceNetwork("default")] };
        }

        if (service.Get("image") is null && service.Get("build") is null)
        {
            _context.Diagnostics.Error(DiagnosticCodes.MissingImage, _model.Location, _path, "neither \"image\" nor \"build\" is set; give the image to run, or a build context");
        }
    }
}
