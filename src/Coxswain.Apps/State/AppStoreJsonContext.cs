using System.Text.Json.Serialization;

namespace Coxswain.Apps;

/// <summary>Source-generated JSON for the app store.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(InstalledApp))]
internal sealed partial class AppStoreJsonContext : JsonSerializerContext;
