using System.Globalization;
using System.Net;

namespace Coxswain.Engine.Testing;

/// <summary>Process runs: starting one (checks, events, files, program) and watching it until it exits.</summary>
public sealed partial class InMemoryEngine
{
    /// <summary>Starts a run under the lock: checks, state, events (connect, mount, start). The caller then calls <see cref="Launch"/> outside the lock.</summary>
    private ProcessRun BeginRun(ContainerRecord c, string operation)
    {
        foreach (var (_, endpoint) in c.Networks)
        {
            if (!_networks.ContainsKey(endpoint.NetworkId))
            {
                throw new EngineNotFoundException(operation, "network", endpoint.NetworkId, $"network {endpoint.NetworkId} not found");
            }
        }

        var program = ResolveProgram(c);
        var failure = Faults.TakeStartFailure(c);
        if (failure is null && program == NotFoundShell && !ShellProgram.Knows(c.Arguments[0]))
        {
            failure = ($"failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"{c.Arguments[0]}\": executable file not found in $PATH: unknown", 127);
        }

        if (failure is { } startFailure)
        {
            var (message, exitCode) = startFailure;
            foreach (var action in new[] { "connect", "disconnect" })
            {
                foreach (var (_, endpoint) in c.Networks)
                {
                    PublishNetwork(_networks[endpoint.NetworkId], action, c.Id);
                }
            }

            c.Error = message;
            c.ExitCode = exitCode;
            Changed();
            throw new EngineApiException(operation, HttpStatusCode.InternalServerError, message);
        }

        var now = _time.GetUtcNow();
        c.Status = ContainerStatus.Running;
        c.Pid = _nextPid++;
        c.StartedAt = now;
        c.ExitCode = 0;
        c.Error = "";
        c.ManuallyStopped = false;
        foreach (var (_, endpoint) in c.Networks)
        {
            var network = _networks[endpoint.NetworkId];
            if (network.Subnet > 0)
            {
                var host = _nextHostAddress.GetValueOrDefault(network.Id, 2);
                _nextHostAddress[network.Id] = host + 1;
                endpoint.IPAddress = string.Create(CultureInfo.InvariantCulture, $"172.{network.Subnet}.{host / 250}.{(host % 250) + 1}");
            }

            if (!network.Predefined && !endpoint.Aliases.Contains(c.Id[..12]))
            {
                endpoint.Aliases = [.. endpoint.Aliases, c.Id[..12]];
            }
        }

        c.BoundPorts.Clear();
        foreach (var port in c.Spec.Ports)
        {
            c.BoundPorts.Add(port with { HostPort = port.HostPort is null or 0 ? _nextHostPort++ : port.HostPort, HostIp = port.HostIp ?? "0.0.0.0" });
        }

        foreach (var (_, endpoint) in c.Networks)
        {
            PublishNetwork(_networks[endpoint.NetworkId], "connect", c.Id);
        }

        foreach (var (volume, mount) in c.Volumes)
        {
            if (_volumes.TryGetValue(volume, out var record))
            {
                PublishVolume(record, "mount", ("container", c.Id), ("destination", mount.Target), ("propagation", ""),
                    ("read/write", mount.ReadOnly ? "false" : "true"));
            }
        }

        PublishContainer(c, "start");
        var environment = new Dictionary<string, string>(c.Environment, StringComparer.Ordinal);
        environment.TryAdd("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        environment.TryAdd("HOSTNAME", c.Hostname);
        environment.TryAdd("HOME", "/root");
        var kill = new CancellationTokenSource();
        ProcessRun? run = null;
        c.Files = BuildFileSystem(c);
        var start = new ContainerProcessStart(c.Id, c.Name, c.Spec with { Name = c.Name }, c.Arguments, environment, c.Hostname, _time, c.Files, IsExec: false, kill.Token);
        var process = new ContainerProcess(start, (stream, line) => AppendLog(c, run!, stream, line));
        run = new ProcessRun(process, program, kill, now);
        c.Run = run;
        Changed();
        return run;
    }

    /// <summary>The files a run sees: volumes by name, a fresh tmpfs, host binds, over the container's layer.</summary>
    private ContainerFileSystem BuildFileSystem(ContainerRecord c)
    {
        var mounts = new List<(string Target, IFileArea Area, bool ReadOnly)>();
        var volumeIndex = 0;
        foreach (var mount in c.Spec.Mounts)
        {
            IFileArea area = mount.Type switch
            {
                MountType.Volume => _volumes.TryGetValue(c.Volumes[volumeIndex++].Volume, out var volume) ? volume.Files : new FileStore(),
                MountType.Bind => new HostDirectory(mount.Source ?? "/"),
                _ => new FileStore(),
            };
            mounts.Add(("/" + mount.Target.Trim('/'), area, mount.ReadOnly));
        }

        return new ContainerFileSystem(mounts, c.Layer, c.Spec.ReadOnlyRootFilesystem, c.Hostname, c.Spec.WorkingDirectory);
    }

    private IContainerProgram ResolveProgram(ContainerRecord c)
    {
        if (Faults.TakeExitAfterStart(c) is { } exit)
        {
            return ContainerPrograms.Exit(exit.ExitCode, exit.After);
        }

        var spec = c.Spec with { Name = c.Name };
        return Programs.Find(spec)
            ?? _options.ProgramResolver?.Invoke(spec)
            ?? (_options.UnknownCommands == UnknownCommandMode.NotFound ? NotFoundShell : ContainerPrograms.Shell);
    }

    /// <summary>Runs the program (outside the lock, on this thread until its first wait) and watches for its exit.</summary>
    private void Launch(ContainerRecord c, ProcessRun run)
    {
        Task<int> task;
        try
        {
            task = run.Program.RunAsync(run.Process, run.Kill.Token) ?? Task.FromResult(0);
        }
        catch (Exception e)
        {
            task = Task.FromException<int>(e);
        }

        _ = ObserveExitAsync(c, run, task);
    }

    private async Task ObserveExitAsync(ContainerRecord c, ProcessRun run, Task<int> task)
    {
        int code;
        try
        {
            code = await task.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (run.Kill.IsCancellationRequested)
            {
                return;
            }

            run.Process.WriteErrorLine($"in-memory engine: the program of container {c.Name} failed: {e.GetType().Name}: {e.Message}");
            code = 1;
        }

        var deferred = new DeferredActions();
        lock (_gate)
        {
            if (!run.Ended)
            {
                EndRun(c, run, code & 0xFF, ExitCause.Exited, deferred);
            }
        }

        deferred.Run();
    }
}
