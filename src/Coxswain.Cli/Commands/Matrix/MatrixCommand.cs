using System.CommandLine;
using Coxswain.Matrix;

namespace Coxswain.Cli.Commands.Matrix;

/// <summary><c>cox matrix</c>: the flags (defaults in <see cref="MatrixSettings"/>) and the command after <c>--</c>.</summary>
internal static class MatrixCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var file = new Option<string?>("--file", "-f") { Description = $"The matrix file (default: {MatrixFlags.DefaultFileName} in the current folder, if there is one)", HelpName = "path" };
        var targets = new Option<string[]>("--targets") { Description = "Targets to run, comma-separated (with a file: a subset of its targets)", HelpName = "a,b,c" };
        var contextDir = new Option<string?>("--context") { Description = "The build context (default: the matrix file's folder)", HelpName = "dir" };
        var root = new Option<string?>("--root-dir") { Description = "Mounted at /workspace; holds logs/ and .cache/ (default: the repository root)", HelpName = "dir" };
        var build = new Option<bool>("--build") { Description = "Build the images (alone: only build)" };
        var run = new Option<bool>("--run") { Description = "Run the containers (alone: never build; the images must exist)" };
        var shell = new Option<bool>("--shell") { Description = "Build one target's image and open one interactive shell in it (same mounts, variables and working directory; no parallelism)" };
        var noCache = new Option<bool>("--no-cache") { Description = "Rebuild without the build cache, even when the content hash is unchanged" };
        var pull = new Option<bool>("--pull") { Description = "Pull newer base images when building" };
        var keep = new Option<bool>("--keep-container") { Description = "Leave the containers after they end (they are still stopped at their deadline)" };
        var timeout = new Option<string?>("--timeout") { Description = "Deadline of one container run (default 30m)", HelpName = "duration" };
        var concurrency = new Option<int?>("--concurrency") { Description = $"Containers at once (default {MatrixSettings.DefaultConcurrency})", HelpName = "n" };
        var failFast = new Option<bool>("--fail-fast") { Description = "The first failed target cancels the others (the default)" };
        var noFailFast = new Option<bool>("--no-fail-fast") { Description = "Run every target to its end whatever the others do" };
        var retries = new Option<int?>("--retries") { Description = $"Retries of a failed run (default {MatrixSettings.DefaultRetries})", HelpName = "n" };
        var backoff = new Option<string?>("--backoff") { Description = "Delay before the first retry, doubling, capped at 60 s (default 1s)", HelpName = "duration" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Stream every container's stdout (VERBOSE=2)" };
        var debug = new Option<bool>("-vv") { Description = "Also stream stderr live and set the matrix's log-level variable (VERBOSE=3)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the final summary (VERBOSE=0)" };
        var filter = new Option<string?>("--test-filter") { Description = "Passed to the containers as TEST_FILTER", HelpName = "name" };
        var command = new Argument<string[]>("command") { Description = "The command each container runs (after --); default: the file's 'command'", Arity = ArgumentArity.ZeroOrMore };
        var matrix = new Command(
            "matrix",
            "Run a test matrix: one container per target, built from content-hashed images, in parallel with deadlines, retries with "
            + "capped exponential backoff and fail-fast; logs and JSON summaries under <root>/logs. Exit code 0 only when every target passed. "
            + "See docs/matrix.md.")
        {
            file, targets, contextDir, root, build, run, shell, noCache, pull, keep, timeout, concurrency, failFast, noFailFast, retries, backoff,
            verbose, debug, quiet, filter, command,
        };
        matrix.SetAction((parse, cancellationToken) =>
        {
            var verbosity = parse.GetValue(quiet) ? Verbosity.Quiet : parse.GetValue(debug) ? Verbosity.Debug : parse.GetValue(verbose) ? Verbosity.Verbose : Verbosity.Normal;
            var request = new MatrixRequest(
                parse.GetValue(global.Host),
                new MatrixFlags
                {
                    File = parse.GetValue(file),
                    Targets = parse.GetValue(targets),
                    Context = parse.GetValue(contextDir),
                    RootDir = parse.GetValue(root),
                    Command = parse.GetValue(command),
                    Concurrency = parse.GetValue(concurrency),
                    Retries = parse.GetValue(retries),
                    FailFast = parse.GetValue(noFailFast) ? false : parse.GetValue(failFast) ? true : null,
                    Switches = new MatrixSettings
                    {
                        Build = parse.GetValue(build),
                        Run = parse.GetValue(run),
                        Shell = parse.GetValue(shell),
                        NoCache = parse.GetValue(noCache),
                        Pull = parse.GetValue(pull),
                        KeepContainer = parse.GetValue(keep),
                        Verbosity = verbosity,
                        TestFilter = parse.GetValue(filter),
                    },
                },
                parse.GetValue(timeout),
                parse.GetValue(backoff));
            return CommandRunner.RunAsync(context, json: false, ct => MatrixAction.RunAsync(context, request, ct), cancellationToken);
        });
        return matrix;
    }
}
