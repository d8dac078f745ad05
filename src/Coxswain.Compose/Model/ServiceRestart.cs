namespace Coxswain.Compose;

/// <summary>A service's restart policy, from <c>restart</c> or <c>deploy.restart_policy</c>.</summary>
/// <param name="Condition">When to restart.</param>
/// <param name="MaxRetries">For <see cref="RestartCondition.OnFailure"/>, the most restarts (<c>on-failure:3</c>); null for no limit.</param>
public sealed record ServiceRestart(RestartCondition Condition, int? MaxRetries = null)
{
    /// <summary>The Compose spelling: <c>no</c>, <c>always</c>, <c>on-failure</c>, <c>on-failure:3</c>, <c>unless-stopped</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Condition switch
    {
        RestartCondition.Always => "always",
        RestartCondition.UnlessStopped => "unless-stopped",
        RestartCondition.OnFailure => MaxRetries is { } n ? $"on-failure:{n}" : "on-failure",
        _ => "no",
    };
}
