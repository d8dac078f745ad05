using System.Diagnostics;
using System.Text;

namespace Coxswain.Plans.Operations;

/// <summary>
/// Runs a host command (through <c>/bin/sh -c</c>, or a program with arguments). Changed unless
/// <see cref="CommandSpec.Creates"/> exists (then it does not run) or <see cref="CommandSpec.ChangedWhen"/>
/// says otherwise. A non-success exit code fails the task with the output's tail. Each output
/// line is reported as a progress log line. Cancellation kills the process tree.
/// </summary>
public sealed class CommandOperation : IOperation
{
    /// <summary>The YAML type name: "command".</summary>
    public const string TypeName = "command";

    private const int TailLines = 20;
    private const int MaxCapturedChars = 1 << 20;
    private readonly CommandSpec spec;

    /// <summary>Creates the operation.</summary>
    /// <param name="spec">What to run.</param>
    /// <exception cref="ArgumentException">Neither or both of Shell and Arguments are set.</exception>
    public CommandOperation(CommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if ((spec.Shell is null) == (spec.Arguments is null || spec.Arguments.Count == 0))
        {
            throw new ArgumentException("A command needs exactly one of Shell (a command line) or Arguments (a program and its arguments).", nameof(spec));
        }

        this.spec = spec;
    }

    /// <summary>What the operation runs.</summary>
    public CommandSpec Spec => spec;

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"command: {spec.DisplayText}";

    /// <inheritdoc />
    public string Fingerprint
    {
        get
        {
            var env = spec.Environment is null ? "" : string.Join(';', spec.Environment.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            var argv = spec.Arguments is null ? "" : string.Join('\u001f', spec.Arguments);
            return $"command shell={spec.Shell} argv={argv} cwd={spec.WorkingDirectory} env={env} creates={spec.Creates} changed_when={spec.ChangedWhen} ok={string.Join(',', spec.SuccessExitCodes)}";
        }
    }

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CreatedPathExists())
        {
            return TaskResult.UnchangedWith($"'{spec.Creates}' exists");
        }

        using var process = new Process { StartInfo = StartInfo() };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException($"Task '{context.TaskName}': cannot start `{spec.DisplayText}`: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        var output = new OutputCapture(context);
        var stdout = output.PumpAsync(process.StandardOutput, isError: false);
        var stderr = output.PumpAsync(process.StandardError, isError: true);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in the meantime.
            }

            throw;
        }

        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        var code = process.ExitCode;
        var changedCode = spec.ChangedWhen.Kind == ChangedWhenKind.ExitCode ? spec.ChangedWhen.ExitCode : null;
        if (!spec.SuccessExitCodes.Contains(code) && code != changedCode)
        {
            throw new CommandFailedException(context.TaskName, spec.DisplayText, code, output.Tail());
        }

        var changed = spec.ChangedWhen.Kind switch
        {
            ChangedWhenKind.Never => false,
            ChangedWhenKind.ExitCode => code == changedCode,
            ChangedWhenKind.OutputContains => output.StandardOutput.Contains(spec.ChangedWhen.Text ?? "", StringComparison.Ordinal),
            _ => true,
        };
        var message = $"exit code {code}";
        return changed ? TaskResult.ChangedWith(message) : TaskResult.UnchangedWith(message);
    }

    /// <inheritdoc />
    public ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken)
    {
        var result = spec.Creates is not null && CreatedPathExists() ? CheckResult.NoChange($"'{spec.Creates}' exists")
            : spec.ChangedWhen.Kind == ChangedWhenKind.Never ? CheckResult.NoChange("changed_when is false")
            : spec.ChangedWhen.Kind != ChangedWhenKind.Always ? CheckResult.Unknown($"depends on the command's result ({spec.ChangedWhen})")
            : spec.Creates is not null ? CheckResult.WouldChange($"'{spec.Creates}' does not exist")
            : CheckResult.WouldChange($"would run `{spec.DisplayText}`");
        return ValueTask.FromResult(result);
    }

    private bool CreatedPathExists()
    {
        if (spec.Creates is not { } path)
        {
            return false;
        }

        var full = spec.WorkingDirectory is { } cwd ? Path.Combine(cwd, path) : path;
        return File.Exists(full) || Directory.Exists(full);
    }

    private ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (spec.Shell is { } shell)
        {
            info.FileName = "/bin/sh";
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(shell);
        }
        else
        {
            info.FileName = spec.Arguments![0];
            foreach (var argument in spec.Arguments.Skip(1))
            {
                info.ArgumentList.Add(argument);
            }
        }

        if (spec.WorkingDirectory is { } cwd)
        {
            info.WorkingDirectory = cwd;
        }

        foreach (var (key, value) in spec.Environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Collects output: all of stdout (up to a cap) for changed_when, and the last lines of both for errors.</summary>
    private sealed class OutputCapture(TaskContext context)
    {
        private readonly StringBuilder stdout = new();
        private readonly Queue<string> tail = new();
        private readonly Lock gate = new();

        public string StandardOutput
        {
            get
            {
                lock (gate)
                {
                    return stdout.ToString();
                }
            }
        }

        public async Task PumpAsync(StreamReader reader, bool isError)
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (gate)
                {
                    if (!isError && stdout.Length < MaxCapturedChars)
                    {
                        stdout.Append(line).Append('\n');
                    }

                    tail.Enqueue(line);
                    if (tail.Count > TailLines)
                    {
                        tail.Dequeue();
                    }
                }

                context.Log(line);
            }
        }

        public string Tail()
        {
            lock (gate)
            {
                return string.Join(System.Environment.NewLine, tail);
            }
        }
    }
}
