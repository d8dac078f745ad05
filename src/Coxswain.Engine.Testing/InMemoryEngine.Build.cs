using System.Text;

namespace Coxswain.Engine.Testing;

/// <summary>Builds with the classic builder's output: "Step i/N : ...", " ---> id", RUN output, "Successfully built".</summary>
public sealed partial class InMemoryEngine
{
    /// <summary>Builds an image from a context tar. FROM must name a local image or one in <see cref="Registry"/> (pulled);
    /// RUN steps run in the shell, where commands it does not emulate succeed silently; COPY/ADD sources must exist in the context.</summary>
    public async Task<string> BuildImageAsync(Stream contextTar, BuildOptions options, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contextTar);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Enter(nameof(BuildImageAsync));
        }

        var output = new List<string>();
        void Say(string text)
        {
            progress?.Report(new ProgressMessage { Stream = text });
            output.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        EngineBuildException Fail(string error)
        {
            progress?.Report(new ProgressMessage { Error = error });
            return new EngineBuildException(error, output.TakeLast(10).ToList());
        }

        var context = await BuildContext.ReadAsync(contextTar, cancellationToken).ConfigureAwait(false);
        if (!context.Files.TryGetValue(BuildContext.Normalize(options.Dockerfile), out var dockerfile))
        {
            throw Fail($"Cannot locate specified Dockerfile: {options.Dockerfile}");
        }

        var instructions = DockerfileParser.Parse(Encoding.UTF8.GetString(dockerfile));
        var steps = SelectSteps(instructions, options.Target, Fail);
        var args = new Dictionary<string, string>(options.BuildArgs ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var stages = new Dictionary<string, (ImageDefinition Config, string Id)>(StringComparer.OrdinalIgnoreCase);
        ImageDefinition? config = null;
        string? stageName = null;
        var id = "";
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            Say($"Step {i + 1}/{steps.Count} : {step.Display}\n");
            if (step.Keyword == "ARG")
            {
                var (name, value) = DockerfileParser.Pairs(step.Arguments).FirstOrDefault();
                if (name is not null)
                {
                    args.TryAdd(name, value);
                }

                if (config is null)
                {
                    continue;
                }
            }

            if (step.Keyword == "FROM")
            {
                if (stageName is not null && config is not null)
                {
                    stages[stageName] = (config, id);
                }

                var words = DockerfileParser.Words(DockerfileParser.Substitute(step.Arguments, args)).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                stageName = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                (config, id) = await ResolveBaseAsync(words.FirstOrDefault() ?? "", stages, Fail, cancellationToken).ConfigureAwait(false);
                Say($" ---> {ShortImageId(id)}\n");
                continue;
            }

            if (config is null)
            {
                throw Fail("no build stage in current context");
            }

            var container = NewHexId()[..12];
            Say($" ---> Running in {container}\n");
            config = await ApplyStepAsync(step, config, args, context, Say, Fail, cancellationToken).ConfigureAwait(false);
            Say($"Removing intermediate container {container}\n");
            id = "sha256:" + Hashing.Sha256Hex($"{id}|{step.Display}|{context.ContentHash}");
            Say($" ---> {ShortImageId(id)}\n");
        }

        var labels = new Dictionary<string, string>(config!.Labels, StringComparer.Ordinal);
        foreach (var (key, value) in options.Labels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        config = config with { Labels = labels };
        id = "sha256:" + Hashing.Sha256Hex($"{id}|{string.Join(',', labels.Select(kv => kv.Key + "=" + kv.Value))}");
        Say($"Successfully built {ShortImageId(id)}\n");
        lock (_gate)
        {
            EnsureConnected();
            if (!_images.TryGetValue(id, out var image))
            {
                image = new ImageRecord { Id = id, Definition = config, Created = _time.GetUtcNow() };
                _images[id] = image;
            }

            foreach (var tag in options.Tags)
            {
                var normalized = ImageReference.Normalize(tag);
                MoveTag(normalized, image);
                PublishImage("tag", id, normalized, image.Definition.Labels);
            }
        }

        foreach (var tag in options.Tags)
        {
            Say($"Successfully tagged {ImageReference.Normalize(tag)}\n");
        }

        return id;
    }

    private static string ShortImageId(string id) => id["sha256:".Length..][..12];

    /// <summary>The instructions that run: everything up to the end of the target stage (the last one by default).</summary>
    private static List<DockerfileInstruction> SelectSteps(IReadOnlyList<DockerfileInstruction> instructions, string? target, Func<string, EngineBuildException> fail)
    {
        if (!instructions.Any(i => i.Keyword == "FROM"))
        {
            throw fail(instructions.Count == 0 ? "the Dockerfile cannot be empty" : "no build stage in current context");
        }

        if (string.IsNullOrEmpty(target))
        {
            return instructions.ToList();
        }

        var stageStart = instructions.ToList().FindIndex(i => i.Keyword == "FROM"
            && DockerfileParser.Words(i.Arguments) is { Count: >= 3 } words && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase)
            && words[2].Equals(target, StringComparison.OrdinalIgnoreCase));
        if (stageStart < 0)
        {
            throw fail($"failed to reach build target {target} in Dockerfile");
        }

        var next = instructions.Skip(stageStart + 1).ToList().FindIndex(i => i.Keyword == "FROM");
        return next < 0 ? instructions.ToList() : instructions.Take(stageStart + 1 + next).ToList();
    }

    private async Task<(ImageDefinition Config, string Id)> ResolveBaseAsync(
        string reference,
        Dictionary<string, (ImageDefinition Config, string Id)> stages,
        Func<string, EngineBuildException> fail,
        CancellationToken cancellationToken)
    {
        if (stages.TryGetValue(reference, out var stage))
        {
            return stage;
        }

        if (reference.Equals("scratch", StringComparison.OrdinalIgnoreCase))
        {
            return (new ImageDefinition { SizeBytes = 0, LayerCount = 0 }, "sha256:" + Hashing.Sha256Hex("scratch"));
        }

        lock (_gate)
        {
            if (FindImage(reference) is { } local)
            {
                return (local.Definition, local.Id);
            }
        }

        try
        {
            var id = await PullCoreAsync(reference, null, nameof(BuildImageAsync), cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                return (_images[id].Definition, id);
            }
        }
        catch (EngineApiException e)
        {
            throw fail(e.EngineMessage);
        }
    }

    private async Task<ImageDefinition> ApplyStepAsync(
        DockerfileInstruction step,
        ImageDefinition config,
        Dictionary<string, string> args,
        BuildContext context,
        Action<string> say,
        Func<string, EngineBuildException> fail,
        CancellationToken cancellationToken)
    {
        switch (step.Keyword)
        {
            case "RUN":
                var commandLine = DockerfileParser.CommandLine(step.Arguments);
                var code = await RunBuildStepAsync(config, args, commandLine, say, cancellationToken).ConfigureAwait(false);
                if (code != 0)
                {
                    var shown = DockerfileParser.ExecForm(step.Arguments) is null ? "/bin/sh -c " + step.Arguments : step.Arguments;
                    throw fail($"The command '{shown}' returned a non-zero code: {code}");
                }

                return config;
            case "CMD":
                return config with { Command = DockerfileParser.CommandLine(step.Arguments) };
            case "ENTRYPOINT":
                return config with { Entrypoint = DockerfileParser.CommandLine(step.Arguments), Command = [] };
            case "ENV":
                var environment = config.Environment.ToList();
                foreach (var (key, value) in DockerfileParser.Pairs(DockerfileParser.Substitute(step.Arguments, EnvironmentOf(config, args))))
                {
                    environment.RemoveAll(e => e.StartsWith(key + "=", StringComparison.Ordinal));
                    environment.Add($"{key}={value}");
                }

                return config with { Environment = environment };
            case "LABEL":
                var labels = new Dictionary<string, string>(config.Labels, StringComparer.Ordinal);
                foreach (var (key, value) in DockerfileParser.Pairs(DockerfileParser.Substitute(step.Arguments, EnvironmentOf(config, args))))
                {
                    labels[key] = value;
                }

                return config with { Labels = labels };
            case "WORKDIR":
                var directory = DockerfileParser.Substitute(step.Arguments, EnvironmentOf(config, args));
                return config with { WorkingDirectory = directory.StartsWith('/') ? directory : $"{config.WorkingDirectory.TrimEnd('/')}/{directory}" };
            case "USER":
                return config with { User = DockerfileParser.Substitute(step.Arguments, EnvironmentOf(config, args)) };
            case "STOPSIGNAL":
                return config with { StopSignal = step.Arguments.Trim() };
            case "COPY" or "ADD":
                var words = DockerfileParser.ExecForm(step.Arguments)?.ToList() ?? DockerfileParser.Words(step.Arguments);
                if (!words.Any(w => w.StartsWith("--from", StringComparison.Ordinal)))
                {
                    foreach (var source in words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
                    {
                        if (!source.Contains("://", StringComparison.Ordinal) && source.IndexOfAny(['*', '?', '[']) < 0 && !context.Contains(source))
                        {
                            throw fail($"{step.Keyword} failed: file not found in build context or excluded by .dockerignore: stat {BuildContext.Normalize(source)}: file does not exist");
                        }
                    }
                }

                return config;
            case "EXPOSE" or "VOLUME" or "HEALTHCHECK" or "SHELL" or "ONBUILD" or "MAINTAINER" or "ARG":
                return config;
            default:
                throw fail($"dockerfile parse error line {step.Line}: unknown instruction: {step.Keyword}");
        }
    }

    private static Dictionary<string, string> EnvironmentOf(ImageDefinition config, Dictionary<string, string> args)
    {
        var environment = new Dictionary<string, string>(args, StringComparer.Ordinal);
        foreach (var entry in config.Environment)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            environment[eq < 0 ? entry : entry[..eq]] = eq < 0 ? "" : entry[(eq + 1)..];
        }

        return environment;
    }

    private async Task<int> RunBuildStepAsync(ImageDefinition config, Dictionary<string, string> args, IReadOnlyList<string> commandLine, Action<string> say, CancellationToken cancellationToken)
    {
        var environment = EnvironmentOf(config, args);
        string id;
        lock (_gate)
        {
            id = NewHexId();
        }

        var spec = new ContainerSpec { Image = "build", Environment = environment, WorkingDirectory = config.WorkingDirectory, User = config.User };
        var files = new ContainerFileSystem([], new FileStore(), readOnlyRoot: false, id[..12], config.WorkingDirectory);
        var process = new ContainerProcess(
            new ContainerProcessStart(id, "build", spec, commandLine, environment, id[..12], _time, files, IsExec: true, cancellationToken),
            (_, line) => say(line + "\n"));
        var code = await new ShellRunner(process, UnknownCommandBehavior.Succeed, cancellationToken).RunArgvAsync(commandLine).ConfigureAwait(false);
        process.Flush();
        return code;
    }
}
