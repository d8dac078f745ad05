using System.Text.Json;

namespace Coxswain.Daemon.Rpc;

/// <summary>
/// The daemon's JSON-RPC methods by name: each takes the request's <c>params</c> (or null) and returns a value that is
/// serialized as the <c>result</c>. Aliases (e.g. <c>package.install</c> for <c>app.install</c>) point at the same handler.
/// </summary>
public sealed class RpcMethodTable
{
    private readonly Dictionary<string, Func<JsonElement?, CancellationToken, Task<object?>>> _methods = new(StringComparer.Ordinal);

    /// <summary>The registered names (aliases included), sorted.</summary>
    public IReadOnlyList<string> Names => [.. _methods.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers <paramref name="name"/>.</summary>
    /// <param name="name">The method name, e.g. <c>app.install</c>.</param>
    /// <param name="handler">Runs the method.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">When the name is taken.</exception>
    public RpcMethodTable Add(string name, Func<JsonElement?, CancellationToken, Task<object?>> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_methods.TryAdd(name, handler))
        {
            throw new ArgumentException($"the JSON-RPC method {name} is registered twice", nameof(name));
        }

        return this;
    }

    /// <summary>Registers <paramref name="alias"/> as another name of <paramref name="target"/>.</summary>
    /// <param name="alias">The other name.</param>
    /// <param name="target">A registered method.</param>
    /// <returns>This table.</returns>
    public RpcMethodTable Alias(string alias, string target)
    {
        if (!_methods.TryGetValue(target, out var handler))
        {
            throw new ArgumentException($"cannot alias {alias} to {target}: {target} is not registered", nameof(target));
        }

        return Add(alias, handler);
    }

    /// <summary>The handler of <paramref name="name"/>, or null.</summary>
    /// <param name="name">A method name.</param>
    public Func<JsonElement?, CancellationToken, Task<object?>>? Find(string name) => _methods.GetValueOrDefault(name);
}
