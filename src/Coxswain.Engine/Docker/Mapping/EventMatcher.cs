namespace Coxswain.Engine.Docker;

/// <summary>Docker's event filter semantics as a pure function, applied to what the engine sends: Podman's compat API
/// filters actions by its own internal names ("died", not "die"), ORs labels and ignores "key"-only labels, so on Podman
/// only the type filter is sent and the rest is decided here.</summary>
internal static class EventMatcher
{
    public static bool Matches(EngineEvent engineEvent, EventFilter filter)
    {
        if (filter.Types.Count > 0 && !filter.Types.Contains(engineEvent.Type, StringComparer.Ordinal))
        {
            return false;
        }

        // Like Docker, "exec_start" also matches "exec_start: sh -c ..." and "health_status" matches "health_status: healthy".
        if (filter.Actions.Count > 0 && !filter.Actions.Any(a => engineEvent.Action == a || engineEvent.Action.StartsWith(a + ":", StringComparison.Ordinal)))
        {
            return false;
        }

        if (filter.Containers.Count > 0 && !filter.Containers.Any(c => IsContainer(engineEvent, c)))
        {
            return false;
        }

        return LabelFilter.Matches(engineEvent.Attributes, filter.Labels);
    }

    private static bool IsContainer(EngineEvent engineEvent, string idOrName) =>
        engineEvent.ActorId == idOrName
        || (idOrName.Length >= 4 && engineEvent.ActorId.StartsWith(idOrName, StringComparison.Ordinal))
        || (engineEvent.Attributes.TryGetValue("name", out var name) && name == idOrName);
}
