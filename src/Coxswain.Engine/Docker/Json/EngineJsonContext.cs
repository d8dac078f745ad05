using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coxswain.Engine.Docker;

/// <summary>Source-generated (reflection-free) JSON metadata for every body the client sends or reads.
/// Reading is case-insensitive and tolerates numbers sent as strings, because Podman's compat API is not always Docker's spelling.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(VersionDto))]
[JsonSerializable(typeof(InfoDto))]
[JsonSerializable(typeof(EventDto))]
[JsonSerializable(typeof(ContainerCreateBody))]
[JsonSerializable(typeof(IdResponseDto))]
[JsonSerializable(typeof(WaitResponseDto))]
[JsonSerializable(typeof(ContainerInspectDto))]
[JsonSerializable(typeof(List<ContainerListItemDto>))]
[JsonSerializable(typeof(StatsDto))]
[JsonSerializable(typeof(ExecCreateBody))]
[JsonSerializable(typeof(ExecStartBody))]
[JsonSerializable(typeof(ExecInspectDto))]
[JsonSerializable(typeof(List<ImageListItemDto>))]
[JsonSerializable(typeof(ImageInspectDto))]
[JsonSerializable(typeof(ProgressDto))]
[JsonSerializable(typeof(NetworkCreateBody))]
[JsonSerializable(typeof(NetworkDto))]
[JsonSerializable(typeof(List<NetworkDto>))]
[JsonSerializable(typeof(NetworkConnectBody))]
[JsonSerializable(typeof(NetworkDisconnectBody))]
[JsonSerializable(typeof(NetworkPruneDto))]
[JsonSerializable(typeof(VolumeCreateBody))]
[JsonSerializable(typeof(VolumeDto))]
[JsonSerializable(typeof(VolumeListDto))]
[JsonSerializable(typeof(VolumePruneDto))]
[JsonSerializable(typeof(Dictionary<string, List<string>>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
