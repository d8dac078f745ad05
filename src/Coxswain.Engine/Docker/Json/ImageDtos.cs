namespace Coxswain.Engine.Docker;

// Wire shapes of the image endpoints and of the progress lines that pull, import and build stream.
internal sealed class ImageListItemDto
{
    public string? Id { get; set; }

    public List<string>? RepoTags { get; set; }

    public long Size { get; set; }

    public long Created { get; set; }

    public Dictionary<string, string>? Labels { get; set; }
}

internal sealed class ImageInspectDto
{
    public string? Id { get; set; }

    public List<string>? RepoTags { get; set; }

    public List<string>? RepoDigests { get; set; }

    public string? Created { get; set; }

    public long Size { get; set; }

    public ImageConfigDto? Config { get; set; }
}

internal sealed class ImageConfigDto
{
    public List<string>? Cmd { get; set; }

    public List<string>? Entrypoint { get; set; }

    public List<string>? Env { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public string? WorkingDir { get; set; }

    public string? User { get; set; }
}

internal sealed class ProgressDto
{
    public string? Id { get; set; }

    public string? Status { get; set; }

    public ProgressDetailDto? ProgressDetail { get; set; }

    public string? Stream { get; set; }

    public string? Error { get; set; }

    public ErrorDetailDto? ErrorDetail { get; set; }

    public AuxDto? Aux { get; set; }
}

internal sealed class ProgressDetailDto
{
    public long? Current { get; set; }

    public long? Total { get; set; }
}

internal sealed class ErrorDetailDto
{
    public string? Message { get; set; }
}

internal sealed class AuxDto
{
    public string? ID { get; set; }
}
