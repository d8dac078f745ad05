using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Coxswain.Matrix;

/// <summary>Reads a matrix file into a <see cref="MatrixFile"/>, reporting every problem with its line and key.</summary>
public static partial class MatrixFileReader
{
    private static readonly string[] Keys =
    [
        "name", "context", "root_dir", "dockerfile", "build_args", "command", "workdir", "environment", "pass_env", "log_level",
        "mounts", "caches", "timeout", "concurrency", "retries", "backoff", "fail_fast", "targets",
    ];

    /// <summary>Reads and parses <paramref name="path"/>. Throws <see cref="MatrixDefinitionException"/> with every problem.</summary>
    public static MatrixFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new MatrixDefinitionException([$"the matrix file {full} does not exist: pass its path with -f, or run from the folder that holds {MatrixFlags.DefaultFileName}"]);
        }

        return Parse(File.ReadAllText(full), full);
    }

    /// <summary>Parses the text of a matrix file; <paramref name="path"/> names it in messages and anchors relative paths.</summary>
    public static MatrixFile Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new MatrixDefinitionException([$"{path}:{ex.Start.Line}: not valid YAML: {ex.InnerException?.Message ?? ex.Message}"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new MatrixDefinitionException([$"{path}: a matrix file is a mapping with at least 'targets'; see docs/matrix.md"]);
        }

        var problems = new List<string>();
        var reader = new Reader(path, problems);
        foreach (var key in root.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !Keys.Contains(name))
            {
                problems.Add($"{reader.At(key)}: unknown key '{name}'; the keys are {string.Join(", ", Keys)}");
            }
        }

        var file = new MatrixFile
        {
            Path = path,
            Name = reader.String(root, "name"),
            Context = reader.String(root, "context"),
            RootDir = reader.String(root, "root_dir"),
            Dockerfile = reader.String(root, "dockerfile"),
            BuildArgs = reader.Map(root, "build_args"),
            Command = reader.Command(root),
            WorkingDirectory = reader.String(root, "workdir"),
            Environment = reader.Map(root, "environment"),
            PassEnvironment = reader.List(root, "pass_env"),
            LogLevel = reader.LogLevel(root),
            Mounts = reader.Mounts(root),
            Caches = reader.Caches(root),
            Timeout = reader.Duration(root, "timeout"),
            Concurrency = reader.Int(root, "concurrency"),
            Retries = reader.Int(root, "retries"),
            Backoff = reader.Duration(root, "backoff"),
            FailFast = reader.Bool(root, "fail_fast"),
            Targets = reader.Targets(root),
        };
        if (problems.Count > 0)
        {
            throw new MatrixDefinitionException(problems);
        }

        return file;
    }
}
