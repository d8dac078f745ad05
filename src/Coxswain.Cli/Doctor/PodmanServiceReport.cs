namespace Coxswain.Cli.Doctor;

/// <summary>The <c>podman system service</c> cox started because no engine answered (and stopped at the end).</summary>
internal sealed record PodmanServiceReport(string Socket, int? Pid, bool Stopped);
