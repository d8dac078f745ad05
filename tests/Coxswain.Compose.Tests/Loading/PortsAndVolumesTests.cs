namespace Coxswain.Compose.Tests.Loading;

public sealed class PortsAndVolumesTests
{
    [Fact]
    public void Load_PortsShortAndLong_AreNormalized()
    {
        using var project = new TempProject();
        var ports = project.LoadValid("""
            services:
              web:
                image: nginx
                ports:
                  - 80
                  - "8080:80"
                  - "127.0.0.1:8443:443/tcp"
                  - "9000-9001:90-91"
                  - "[::1]:5353:53/udp"
                  - target: 3000
                    published: "3001"
                    host_ip: 0.0.0.0
                    protocol: udp
                    mode: host
                    name: api
                    app_protocol: http
                  - target: 4000
            """).Services[0].Ports;
        Assert.Equal(
            [
                new ServicePort(80),
                new ServicePort(80) { Published = "8080" },
                new ServicePort(443) { Published = "8443", HostIp = "127.0.0.1" },
                new ServicePort(90) { Published = "9000" },
                new ServicePort(91) { Published = "9001" },
                new ServicePort(53) { Published = "5353", HostIp = "::1", Protocol = "udp" },
                new ServicePort(3000) { Published = "3001", HostIp = "0.0.0.0", Protocol = "udp", Mode = "host", Name = "api", AppProtocol = "http" },
                new ServicePort(4000),
            ],
            ports);
    }

    [Fact]
    public void Load_BadPorts_ReportEachWithItsIndex()
    {
        using var project = new TempProject();
        Assert.Equal(
            [
                "compose.yaml:5:9: services.web.ports[0]: bad port \"80:http\": bad container port \"http\" (expected a port 1-65535 or a range like 80-81) (e.g. \"8080:80\", \"127.0.0.1:8080:80/udp\")",
                "compose.yaml:6:9: services.web.ports[1]: a port needs a \"target\" (the container port)",
                "compose.yaml:7:17: services.web.ports[2].target: 70000 is out of range (1 to 65535)",
                "compose.yaml:8:32: services.web.ports[3].protocol: bad protocol \"tpc\" (did you mean \"tcp\"?) (use tcp, udp or sctp)",
            ],
            project.Diagnose("""
                services:
                  web:
                    image: nginx
                    ports:
                      - "80:http"
                      - published: 80
                      - target: 70000
                      - {target: 80, protocol: tpc}
                """));
    }

    [Fact]
    public void Load_Expose_KeepsPortsAndRanges()
    {
        using var project = new TempProject();
        Assert.Equal(["3306", "3000-3005", "53/udp"], project.LoadValid("services: {db: {image: mysql, expose: [3306, \"3000-3005\", 53/udp, 3306]}}").Services[0].Expose);
    }

    [Fact]
    public void Load_VolumesShortSyntax_ResolvesEveryKind()
    {
        using var project = new TempProject();
        var volumes = project.LoadValid("""
            services:
              web:
                image: nginx
                volumes:
                  - data:/var/lib/data
                  - data:/ro:ro,nocopy
                  - ./html:/usr/share/nginx/html:ro
                  - ~/cache:/cache:z
                  - /etc/app/:/etc/app:rw,rshared
                  - /anonymous
            volumes:
              data:
            """).Services[0].Volumes;
        Assert.Equal(
            [
                new ServiceMount(ServiceMountType.Volume, "data", "/var/lib/data"),
                new ServiceMount(ServiceMountType.Volume, "data", "/ro") { ReadOnly = true, NoCopy = true },
                new ServiceMount(ServiceMountType.Bind, Path.Combine(project.Dir, "html"), "/usr/share/nginx/html") { ReadOnly = true, CreateHostPath = true },
                new ServiceMount(ServiceMountType.Bind, "/home/tester/cache", "/cache") { SeLinux = "z", CreateHostPath = true },
                new ServiceMount(ServiceMountType.Bind, "/etc/app", "/etc/app") { Propagation = "rshared", CreateHostPath = true },
                new ServiceMount(ServiceMountType.Volume, null, "/anonymous"),
            ],
            volumes);
    }

    [Fact]
    public void Load_VolumesLongSyntax_ReadsNestedOptions()
    {
        using var project = new TempProject();
        var volumes = project.LoadValid("""
            services:
              web:
                image: nginx
                volumes:
                  - type: volume
                    source: data
                    target: /data
                    read_only: true
                    volume: {nocopy: true, subpath: sub}
                  - type: bind
                    source: ../shared
                    target: /shared
                    bind: {create_host_path: true, propagation: rprivate, selinux: Z}
                  - type: tmpfs
                    target: /scratch
                    tmpfs: {size: 64m, mode: 1777}
                  - type: volume
                    target: /anonymous
            volumes:
              data: {}
            """).Services[0].Volumes;
        Assert.Equal(
            [
                new ServiceMount(ServiceMountType.Volume, "data", "/data") { ReadOnly = true, NoCopy = true, Subpath = "sub" },
                new ServiceMount(ServiceMountType.Bind, Path.GetFullPath(Path.Combine(project.Dir, "../shared")), "/shared") { CreateHostPath = true, Propagation = "rprivate", SeLinux = "Z" },
                new ServiceMount(ServiceMountType.Tmpfs, null, "/scratch") { TmpfsSizeBytes = 64 << 20, TmpfsMode = 1023 },
                new ServiceMount(ServiceMountType.Volume, null, "/anonymous"),
            ],
            volumes);
    }

    [Fact]
    public void Load_BadVolumes_AreReportedWithReasons()
    {
        using var project = new TempProject();
        Assert.Equal(
            [
                "compose.yaml:5:9: services.web.volumes[0]: the container path \"relative\" must be absolute (start with /)",
                "compose.yaml:6:9: services.web.volumes[1]: bad volume option \"nocopy\" in \"./x:/x:nocopy\" (a bind takes ro, rw, z, Z, or a propagation (shared, rshared, slave, rslave, private, rprivate))",
                "compose.yaml:7:9: services.web.volumes[2]: bad volume \"a:b:c:d\": expected \"source:target[:mode]\" or \"target\"",
                "compose.yaml:8:9: services.web.volumes[3]: a bind mount needs a \"source\" (the host path)",
                "compose.yaml:9:16: services.web.volumes[4].type: bad volume type \"bnd\" (did you mean \"bind\"?) (use volume, bind or tmpfs)",
                "compose.yaml:10:49: services.web.volumes[5].tmpfs.size: bad size \"big\": expected a number of bytes or a number with a unit, like 512m, 1g, 100k or 1024b",
                "compose.yaml:11:9: services.web.volumes[6]: unknown volume \"dta\" (did you mean \"data\"?); declare it under the top-level \"volumes\"",
            ],
            project.Diagnose("""
                services:
                  web:
                    image: nginx
                    volumes:
                      - data:relative
                      - ./x:/x:nocopy
                      - a:b:c:d
                      - {type: bind, target: /x}
                      - {type: bnd, target: /x}
                      - {type: tmpfs, target: /t, tmpfs: {size: big}}
                      - dta:/data
                volumes:
                  data:
                """));
    }

    [Fact]
    public void Load_Tmpfs_StringOrList()
    {
        using var project = new TempProject();
        var services = project.LoadValid("""
            services:
              a: {image: busybox, tmpfs: /run}
              b: {image: busybox, tmpfs: ["/run:size=64m", /tmp]}
            """).Services;
        Assert.Equal(["/run"], services[0].Tmpfs);
        Assert.Equal(["/run:size=64m", "/tmp"], services[1].Tmpfs);
    }
}
