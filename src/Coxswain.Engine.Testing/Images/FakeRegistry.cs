namespace Coxswain.Engine.Testing;

/// <summary>The "remote" registry an <see cref="InMemoryEngine"/> pulls from: add an image here and
/// <see cref="InMemoryEngine.PullImageAsync"/> finds it, with per-layer progress; anything else is "pull access denied".</summary>
public sealed class FakeRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RemoteImage> _images = new(StringComparer.Ordinal);
    private int _version;

    internal FakeRegistry()
    {
    }

    /// <summary>References published ("redis:7", ...), normalised.</summary>
    public IReadOnlyList<string> References
    {
        get
        {
            lock (_gate)
            {
                return _images.Keys.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Publishes <paramref name="reference"/> (replacing what was there: a new pull then downloads a newer image)
    /// and returns the id a pull will give it.</summary>
    public string Add(string reference, ImageDefinition? image = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var normalized = ImageReference.Normalize(reference);
        lock (_gate)
        {
            var seed = $"{normalized}#{_version++}";
            var remote = new RemoteImage(normalized, "sha256:" + Hashing.Sha256Hex("image:" + seed), "sha256:" + Hashing.Sha256Hex("manifest:" + seed),
                image ?? new ImageDefinition());
            _images[normalized] = remote;
            return remote.Id;
        }
    }

    /// <summary>Withdraws <paramref name="reference"/>; returns false when it was not published.</summary>
    public bool Remove(string reference)
    {
        lock (_gate)
        {
            return _images.Remove(ImageReference.Normalize(reference));
        }
    }

    internal RemoteImage? Find(string normalized)
    {
        lock (_gate)
        {
            return _images.GetValueOrDefault(normalized);
        }
    }

    internal bool HasRepository(string repository)
    {
        lock (_gate)
        {
            return _images.Keys.Any(k => ImageReference.Repository(k) == repository);
        }
    }
}
