namespace Coxswain.Supervision;

/// <summary>What the restart tracker decided to do about a failure.</summary>
public enum RestartAction
{
    /// <summary>Restart after <see cref="RestartDecision.Delay"/>.</summary>
    Restart,

    /// <summary>Do nothing: the policy says not to heal (<c>restart: no</c>, a clean exit under <c>on-failure</c>), or a person stopped it.</summary>
    LeaveAlone,

    /// <summary>The budget is spent: the service is failed and left alone until a person starts it.</summary>
    GiveUp,
}
