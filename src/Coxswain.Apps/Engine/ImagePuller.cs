using System.Globalization;
using Coxswain.Engine;

namespace Coxswain.Apps;

/// <summary>Pulls an image, retrying after each delay in turn (on the <see cref="TimeProvider"/>), then gives up with every attempt named.</summary>
/// <param name="engine">The engine.</param>
/// <param name="delays">The delays before each retry; the pull is tried <c>delays.Count + 1</c> times.</param>
/// <param name="time">The clock.</param>
internal sealed class ImagePuller(IEngineClient engine, IReadOnlyList<TimeSpan> delays, TimeProvider time)
{
    /// <summary>Pulls <paramref name="reference"/>; returns null on success, else why it failed after the last attempt.</summary>
    public async Task<string?> PullAsync(string reference, string services, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await engine.PullImageAsync(reference, null, ct).ConfigureAwait(false);
                return null;
            }
            catch (EngineException) when (attempt <= delays.Count)
            {
                await Task.Delay(delays[attempt - 1], time, ct).ConfigureAwait(false);
            }
            catch (EngineException ex)
            {
                var waits = delays.Count == 0 ? "no retries" : "retried after " + string.Join(", ", delays.Select(Seconds));
                return $"cannot pull image {reference} for service {services}: {attempt} attempts failed ({waits}); last error: {ex.Message}. "
                    + "Check the image name and tag and that the registry is reachable, or import the image locally, then install again";
            }
        }
    }

    private static string Seconds(TimeSpan delay) => delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
