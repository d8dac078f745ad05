namespace Coxswain.Engine.Docker;

/// <summary>Network and volume answers → the public records.</summary>
internal static class NetworkVolumeMapper
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    public static NetworkInfo ToNetwork(NetworkDto dto) => new(dto.Id ?? "", dto.Name ?? "", dto.Driver ?? "")
    {
        Labels = dto.Labels ?? NoLabels,
        Internal = dto.Internal,
        ContainerIds = dto.Containers is { } containers ? containers.Keys.ToList() : [],
    };

    public static VolumeInfo ToVolume(VolumeDto dto) => new(dto.Name ?? "", dto.Driver ?? "", dto.Mountpoint ?? "")
    {
        Labels = dto.Labels ?? NoLabels,
    };
}
