using System.Text.Json.Serialization;

namespace Coxswain.Supervision;

/// <summary>Source-generated JSON for what the store keeps as JSON columns.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RestartTrackerState))]
[JsonSerializable(typeof(CrashDossier))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
