namespace Coxswain.Engine.Docker;

/// <summary>Raised inside the connect callback with a short reason ("connection refused", "socket ... does not exist");
/// the transport turns it into an <see cref="EngineUnavailableException"/>.</summary>
internal sealed class EngineConnectException(string reason, Exception? innerException = null) : IOException(reason, innerException)
{
    public string Reason { get; } = reason;
}
