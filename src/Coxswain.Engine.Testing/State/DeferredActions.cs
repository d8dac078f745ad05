namespace Coxswain.Engine.Testing;

/// <summary>Work decided under the engine's lock that must run after it is released (cancelling a killed process
/// runs that process's code; delivering a signal may too).</summary>
internal sealed class DeferredActions
{
    private List<Action>? _actions;

    public void Add(Action action) => (_actions ??= []).Add(action);

    public void Run()
    {
        if (_actions is null)
        {
            return;
        }

        var actions = _actions;
        _actions = null;
        foreach (var action in actions)
        {
            action();
        }
    }
}
