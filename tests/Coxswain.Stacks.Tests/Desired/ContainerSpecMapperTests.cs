using Coxswain.Engine;
using Coxswain.Stacks.Tests.Support;
using Xunit;

namespace Coxswain.Stacks.Tests.Desired;

public sealed class ContainerSpecMapperTests
{
    private const string Full = """
        services:
          api:
            image: busybox:test
            command: ["sh", "-c", "echo hi"]
            entrypoint: ["/bin/env"]
            environment: { A: "1" }
            labels: { team: core }
            ports: ["127.0.0.1:8080:80/udp"]
            expose: ["9000"]
            volumes:
              - ./data:/data:ro
              - cache:/cache
              - type: tmpfs
                target: /scratch
            tmpfs: ["/run:size=64k"]
            networks:
              back:
                aliases: [api-internal]
            restart: unless-stopped
            user: "1000:1000"
            working_dir: /work
            read_only: true
            cap_add: [NET_ADMIN]
            cap_drop: [ALL]
            security_opt: ["no-new-privileges:true"]
            stop_signal: SIGINT
            stop_grace_period: 3s
            hostname: api-host
            extra_hosts: ["db.local:10.0.0.2"]
            init: true
            tty: true
            healthcheck:
              test: ["CMD", "true"]
            deploy:
              resources:
                limits: { cpus: "0.5", memory: 64M, pids: 100 }
                reservations: { memory: 32M }
            secrets: [token]
        networks:
          back: {}
        volumes:
          cache: {}
        secrets:
          token:
            file: ./token.txt
        """;

    [Fact]
    public void Map_EverySupportedField_LandsInTheEngineSpec()
    {
        var project = TestProjects.Load(Full, "demo", ("token.txt", "s3cret"));

        var container = ContainerSpecMapper.Map(project, project.Services[0], 1, "e7");
        var spec = container.Spec;

        Assert.Equal("demo-api-1", spec.Name);
        Assert.Equal("busybox:test", spec.Image);
        Assert.Equal(["sh", "-c", "echo hi"], spec.Command!);
        Assert.Equal(["/bin/env"], spec.Entrypoint!);
        Assert.Equal("1", spec.Environment["A"]);
        Assert.Equal("core", spec.Labels["team"]);
        Assert.Equal("true", spec.Labels[StackLabels.Managed]);
        Assert.Equal("demo", spec.Labels[StackLabels.Project]);
        Assert.Equal("api", spec.Labels[StackLabels.Service]);
        Assert.Equal("1", spec.Labels[StackLabels.Slot]);
        Assert.Equal(container.ConfigHash, spec.Labels[StackLabels.ConfigHash]);
        Assert.Equal("e7", spec.Labels[StackLabels.Epoch]);
        Assert.Equal("unless-stopped", spec.Labels[StackLabels.Restart]);
        Assert.Equal(new RestartPolicy("no"), spec.RestartPolicy);
        Assert.Null(spec.Healthcheck);
        Assert.Equal([new PortBinding(80, 8080, "udp", "127.0.0.1")], spec.Ports);
        Assert.Equal(["9000/tcp"], spec.ExposedPorts);
        var dataDir = Path.Combine(project.WorkingDirectory, "data");
        Assert.Contains(new MountSpec(MountType.Bind, dataDir, "/data", true), spec.Mounts);
        Assert.Contains(new MountSpec(MountType.Volume, "demo_cache", "/cache"), spec.Mounts);
        Assert.Contains(spec.Mounts, m => m is { Type: MountType.Tmpfs, Target: "/scratch" });
        Assert.Contains(spec.Mounts, m => m is { Type: MountType.Tmpfs, Target: "/run" });
        Assert.Contains(new MountSpec(MountType.Bind, Path.Combine(project.WorkingDirectory, "token.txt"), "/run/secrets/token", true), spec.Mounts);
        Assert.Equal([dataDir], container.HostDirectories);
        var network = Assert.Single(spec.Networks);
        Assert.Equal("demo_back", network.Network);
        Assert.Equal(["api-internal", "api"], network.Aliases!);
        Assert.Equal("1000:1000", spec.User);
        Assert.Equal("/work", spec.WorkingDirectory);
        Assert.True(spec.ReadOnlyRootFilesystem);
        Assert.Equal(["NET_ADMIN"], spec.CapAdd);
        Assert.Equal(["ALL"], spec.CapDrop);
        Assert.Equal(["no-new-privileges:true"], spec.SecurityOptions);
        Assert.Equal("SIGINT", spec.StopSignal);
        Assert.Equal(TimeSpan.FromSeconds(3), spec.StopTimeout);
        Assert.Equal("api-host", spec.Hostname);
        Assert.Equal(["db.local:10.0.0.2"], spec.ExtraHosts);
        Assert.True(spec.Init);
        Assert.True(spec.Tty);
        Assert.Equal(64L * 1024 * 1024, spec.Resources!.MemoryBytes);
        Assert.Equal(32L * 1024 * 1024, spec.Resources.MemoryReservationBytes);
        Assert.Equal(500_000_000L, spec.Resources.NanoCpus);
        Assert.Equal(100L, spec.Resources.PidsLimit);
    }

    [Fact]
    public void Map_ContainerName_OverridesTheDeterministicName()
    {
        var project = TestProjects.Load("services:\n  db:\n    image: busybox:test\n    container_name: my-db\n");

        var container = ContainerSpecMapper.Map(project, project.Services[0], 1, "0");

        Assert.Equal("my-db", container.Name);
    }

    [Fact]
    public void Build_Networks_AreNamedPerProjectAndLabelled()
    {
        var project = TestProjects.Load(TestProjects.WebAndDb);

        var desired = DesiredStateBuilder.Build(project);

        var network = Assert.Single(desired.Networks);
        Assert.Equal("demo_default", network.Name);
        Assert.Equal("demo", network.Labels![StackLabels.Project]);
        var volume = Assert.Single(desired.Volumes);
        Assert.Equal("demo_data", volume.Name);
        Assert.Equal("true", volume.Labels![StackLabels.Managed]);
    }

    [Fact]
    public void Build_UnknownScaledService_SaysWhichAndListsServices()
    {
        var project = TestProjects.Load(TestProjects.WebAndDb);

        var error = Assert.Throws<ArgumentException>(() => DesiredStateBuilder.Build(project, new StackSelection { Scale = new Dictionary<string, int> { ["wbe"] = 2 } }));

        Assert.StartsWith("--scale names no service \"wbe\" of project \"demo\"; services: db, cache, web", error.Message, StringComparison.Ordinal);
    }
}
