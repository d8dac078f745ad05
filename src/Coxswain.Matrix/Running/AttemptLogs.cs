using Coxswain.Engine;

namespace Coxswain.Matrix;

/// <summary>The log files of one attempt and the suites seen on its stdout. Every line goes to its file in full and to the
/// reporter, which shows it by verbosity.</summary>
internal sealed class AttemptLogs : IAsyncDisposable
{
    private readonly StreamWriter stdout;
    private readonly StreamWriter stderr;
    private readonly MatrixReporter reporter;
    private readonly string target;
    private readonly List<SuiteResult> suites = [];
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public AttemptLogs(ArtifactPaths paths, MatrixReporter reporter, string target)
    {
        Directory.CreateDirectory(paths.Directory);
        stdout = new StreamWriter(paths.Stdout, append: false);
        stderr = new StreamWriter(paths.Stderr, append: false);
        this.reporter = reporter;
        this.target = target;
    }

    /// <summary>The suites seen so far, each with its last result.</summary>
    public IReadOnlyList<SuiteResult> Suites
    {
        get
        {
            lock (gate)
            {
                return suites.ToList();
            }
        }
    }

    /// <summary>Reads the container's log until it ends or <paramref name="cancellationToken"/> is cancelled. An engine that
    /// goes away ends the pump quietly: the caller finds out from its own calls.</summary>
    public async Task PumpAsync(IEngineClient engine, string containerId, CancellationToken cancellationToken)
    {
        try
        {
            var options = new LogOptions { Follow = true, Stdout = true, Stderr = true };
            await foreach (var line in engine.GetLogsAsync(containerId, options, cancellationToken).ConfigureAwait(false))
            {
                await AddAsync(line).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Given up after the drain time.
        }
        catch (EngineException)
        {
            // The engine went away or the container was removed: the wait or inspect reports it.
        }
        catch (HttpRequestException)
        {
            // The connection dropped mid-stream: likewise.
        }
    }

    /// <summary>Takes one line: to its file, to the suites when it is a suite line, and to the reporter.</summary>
    public async Task AddAsync(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Stream == LogStream.Stderr)
        {
            await stderr.WriteLineAsync(line.Text).ConfigureAwait(false);
            reporter.Stderr(target, line.Text);
            return;
        }

        await stdout.WriteLineAsync(line.Text).ConfigureAwait(false);
        if (SuiteLineParser.ParseSuite(line.Text) is { } suite)
        {
            lock (gate)
            {
                if (positions.TryGetValue(suite.Name, out var at))
                {
                    suites[at] = suite;
                }
                else
                {
                    positions[suite.Name] = suites.Count;
                    suites.Add(suite);
                }
            }
        }

        reporter.Stdout(target, line.Text);
    }

    public async ValueTask DisposeAsync()
    {
        await stdout.DisposeAsync().ConfigureAwait(false);
        await stderr.DisposeAsync().ConfigureAwait(false);
    }
}
