namespace Coxswain.Engine.Docker;

/// <summary>Image answers and progress lines → the public records.</summary>
internal static class ImageMapper
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    public static ImageSummary ToSummary(ImageListItemDto dto) =>
        new(dto.Id ?? "", ((IEnumerable<string>?)dto.RepoTags ?? []).Where(t => t != "<none>:<none>").ToList(), dto.Size, DateTimeOffset.FromUnixTimeSeconds(dto.Created))
        {
            Labels = dto.Labels ?? NoLabels,
        };

    public static ImageInfo ToInfo(ImageInspectDto dto) => new()
    {
        Id = dto.Id ?? "",
        RepoTags = dto.RepoTags ?? [],
        RepoDigests = dto.RepoDigests ?? [],
        Created = EngineTime.Parse(dto.Created) ?? default,
        SizeBytes = dto.Size,
        Command = dto.Config?.Cmd ?? [],
        Entrypoint = dto.Config?.Entrypoint ?? [],
        Environment = dto.Config?.Env ?? [],
        Labels = dto.Config?.Labels ?? NoLabels,
        WorkingDirectory = dto.Config?.WorkingDir ?? "",
        User = dto.Config?.User ?? "",
    };

    public static ProgressMessage ToProgress(ProgressDto dto) => new()
    {
        Id = dto.Id,
        Status = dto.Status,
        Current = dto.ProgressDetail?.Current,
        Total = dto.ProgressDetail?.Total,
        Stream = dto.Stream,
        Error = ErrorText(dto),
    };

    /// <summary>The error a progress line reports, if any ("errorDetail.message", else "error").</summary>
    public static string? ErrorText(ProgressDto dto) =>
        dto.ErrorDetail?.Message is { Length: > 0 } detail ? detail : dto.Error is { Length: > 0 } error ? error : null;

    /// <summary>Whether a pull error means "this image is not there (or not for you)": the registry does not know it, denies it,
    /// or cannot be found at all.</summary>
    public static bool IsImageMissing(string message)
    {
        var lower = message.ToLowerInvariant();
        return lower.Contains("not found", StringComparison.Ordinal)
            || lower.Contains("manifest unknown", StringComparison.Ordinal)
            || lower.Contains("name unknown", StringComparison.Ordinal)
            || lower.Contains("pull access denied", StringComparison.Ordinal)
            || lower.Contains("access to the resource is denied", StringComparison.Ordinal)
            || lower.Contains("repository does not exist", StringComparison.Ordinal)
            || lower.Contains("no such host", StringComparison.Ordinal)
            || lower.Contains("image not known", StringComparison.Ordinal);
    }
}
