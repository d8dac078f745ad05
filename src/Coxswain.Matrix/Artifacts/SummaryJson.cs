using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Coxswain.Matrix;

/// <summary>Writes the per-container and aggregate summaries (schemas in docs/matrix.md). Files are written to a temporary
/// name and moved into place, so a reader never sees half a file.</summary>
public static class SummaryJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    /// <summary>The per-container summary as JSON text.</summary>
    public static string Format(AttemptSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("distro", summary.Distro);
            w.WriteString("image_digest", summary.ImageDigest);
            WriteStringOrNull(w, "container_id", summary.ContainerId);
            WriteTime(w, "started_at", summary.StartedAt);
            WriteTime(w, "finished_at", summary.FinishedAt);
            WriteNumberOrNull(w, "exit_code", summary.ExitCode);
            w.WriteStartObject("log_paths");
            w.WriteString("stdout", summary.StdoutLog);
            w.WriteString("stderr", summary.StderrLog);
            w.WriteEndObject();
            WriteSuites(w, summary.Suites);
            w.WriteEndObject();
        });
    }

    /// <summary>The aggregate summary as JSON text.</summary>
    public static string Format(MatrixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("run_id", result.RunId);
            w.WriteString("matrix", result.Matrix);
            WriteTime(w, "started_at", result.StartedAt);
            WriteTime(w, "finished_at", result.FinishedAt);
            w.WriteNumber("exit_code", result.ExitCode);
            w.WriteBoolean("passed", result.Succeeded);
            w.WriteBoolean("interrupted", result.Interrupted);
            w.WriteStartArray("cancelled");
            foreach (var target in result.Cancelled)
            {
                w.WriteStringValue(target);
            }

            w.WriteEndArray();
            w.WriteStartArray("targets");
            foreach (var t in result.Targets)
            {
                w.WriteStartObject();
                w.WriteString("distro", t.Target);
                w.WriteString("status", StatusText(t.Status));
                w.WriteNumber("attempts", t.Attempts);
                WriteStringOrNull(w, "image", t.Image);
                WriteStringOrNull(w, "image_digest", t.ImageDigest);
                w.WriteBoolean("image_built", t.Built);
                WriteNumberOrNull(w, "exit_code", t.ExitCode);
                WriteStringOrNull(w, "error", t.Error);
                WriteSuites(w, t.Suites);
                w.WriteStartArray("summaries");
                foreach (var path in t.Summaries)
                {
                    w.WriteStringValue(path);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The word a status is written as: passed, failed, timed_out, cancelled, built.</summary>
    public static string StatusText(TargetStatus status) => status switch
    {
        TargetStatus.Passed => "passed",
        TargetStatus.Failed => "failed",
        TargetStatus.TimedOut => "timed_out",
        TargetStatus.Cancelled => "cancelled",
        _ => "built",
    };

    /// <summary>Writes <paramref name="json"/> to <paramref name="path"/> atomically, creating its folder.</summary>
    public static async Task WriteFileAsync(string path, string json, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, json + "\n", cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    private static void WriteSuites(Utf8JsonWriter w, IReadOnlyList<SuiteResult> suites)
    {
        w.WriteStartArray("suites");
        foreach (var suite in suites)
        {
            w.WriteStartObject();
            w.WriteString("name", suite.Name);
            w.WriteString("status", suite.Status == SuiteStatus.Pass ? "pass" : "fail");
            if (suite.ExpectedFailure)
            {
                w.WriteString("expect", "fail");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
