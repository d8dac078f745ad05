namespace Coxswain.Engine.Docker;

/// <summary>Build output text as it streams: keeps the last lines (for the error message of a failed build) and notices the
/// line that names the built image ("Successfully built 3f2a...", or a bare image id as Podman's last line).</summary>
internal sealed class BuildOutput(int keepLines)
{
    private const string SuccessPrefix = "Successfully built ";
    private readonly Queue<string> tail = new();
    private string partial = "";

    /// <summary>The id the output named, if any.</summary>
    public string? BuiltImageId { get; private set; }

    public void Add(string text)
    {
        var lines = (partial + text).Split('\n');
        partial = lines[^1];
        foreach (var line in lines[..^1])
        {
            Keep(line.TrimEnd('\r'));
        }
    }

    /// <summary>The last lines, the unfinished one included.</summary>
    public IReadOnlyList<string> Tail()
    {
        var lines = tail.ToList();
        if (partial.Length > 0)
        {
            lines.Add(partial);
        }

        return lines.Count > keepLines ? lines[^keepLines..] : lines;
    }

    private void Keep(string line)
    {
        if (line.StartsWith(SuccessPrefix, StringComparison.Ordinal))
        {
            BuiltImageId = line[SuccessPrefix.Length..].Trim();
        }
        else if (line.Length == 64 && line.All(char.IsAsciiHexDigitLower))
        {
            BuiltImageId = "sha256:" + line;
        }

        if (line.Length == 0)
        {
            return;
        }

        tail.Enqueue(line);
        while (tail.Count > keepLines)
        {
            tail.Dequeue();
        }
    }
}
