namespace Coxswain.Engine.Testing;

/// <summary>One registered exec script: how often it answered, and a way to withdraw it.</summary>
public sealed class ExecScript
{
    private readonly ExecScripts _owner;
    private int _calls;

    internal ExecScript(ExecScripts owner, Func<ExecRequest, bool> match, Func<ExecRequest, ScriptedExecResult> respond)
    {
        _owner = owner;
        Match = match;
        Respond = respond;
    }

    /// <summary>How many execs this script answered.</summary>
    public int Calls => Volatile.Read(ref _calls);

    internal Func<ExecRequest, bool> Match { get; }

    internal Func<ExecRequest, ScriptedExecResult> Respond { get; }

    /// <summary>Withdraws the script; later execs fall through to older scripts or the shell.</summary>
    public void Remove() => _owner.Remove(this);

    internal ScriptedExecResult Answer(ExecRequest request)
    {
        Interlocked.Increment(ref _calls);
        return Respond(request);
    }
}
