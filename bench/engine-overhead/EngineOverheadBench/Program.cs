// Create + start + wait + remove of one busybox container, three ways, alternated round by round:
// through Coxswain.Engine, through the raw Engine API (curl over the socket), and with `docker run --rm`.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Coxswain.Engine;

var host = Arg("--host") ?? Environment.GetEnvironmentVariable("COX_TEST_DOCKER_HOST") ?? "unix:///run/cox-test/docker.sock";
var rounds = int.Parse(Arg("--rounds") ?? "20", CultureInfo.InvariantCulture);
var endpoint = new EngineEndpoint(host, "--host");
var socket = endpoint.SocketPath;

await using var client = new DockerEngineClient(endpoint);
var image = await LocalImages.EnsureBusyboxAsync(client);

var variants = new (string Name, Func<int, Task> Run)[]
{
    ("coxswain", Coxswain),
    ("raw-api (curl)", RawApi),
    ("docker run --rm", Cli),
};
var samples = variants.ToDictionary(v => v.Name, _ => new List<double>());

Console.Error.WriteLine($"engine-overhead: {rounds} rounds against {host}, image {image}");
for (var round = -1; round < rounds; round++)
{
    // Round -1 warms every path up and is not counted; the starting variant rotates each round.
    for (var k = 0; k < variants.Length; k++)
    {
        var (name, run) = variants[(k + Math.Max(round, 0)) % variants.Length];
        var start = Stopwatch.GetTimestamp();
        await run(round + 1);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (round >= 0)
        {
            samples[name].Add(ms);
        }
    }
}

var raw = Median(samples["raw-api (curl)"]);
var cli = Median(samples["docker run --rm"]);
var cox = Median(samples["coxswain"]);
Console.WriteLine();
Console.WriteLine($"{"variant",-18} {"median ms",10} {"min ms",8} {"max ms",8} {"vs raw",8}");
foreach (var (name, _) in variants)
{
    var s = samples[name];
    Console.WriteLine($"{name,-18} {Median(s),10:F1} {s.Min(),8:F1} {s.Max(),8:F1} {Median(s) / raw,8:F3}");
}

Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"RESULT ratio_vs_raw={cox / raw:F3} ratio_vs_cli={cox / cli:F3}"));
return 0;

async Task Coxswain(int round)
{
    var spec = new ContainerSpec { Name = $"cox-bench-cox-{round}-{Environment.ProcessId}", Image = image, Command = ["true"] };
    var created = await client.CreateContainerAsync(spec);
    await client.StartContainerAsync(created.Id);
    var exit = await client.WaitContainerAsync(created.Id);
    await client.RemoveContainerAsync(created.Id);
    Check(exit == 0, $"coxswain: container exited {exit}");
}

async Task RawApi(int round)
{
    var body = JsonSerializer.Serialize(new { Image = image, Cmd = new[] { "true" } });
    var name = $"cox-bench-raw-{round}-{Environment.ProcessId}";
    var created = await Curl("-X", "POST", "-H", "Content-Type: application/json", "-d", body, $"http://d/v1.41/containers/create?name={name}");
    var id = JsonDocument.Parse(created).RootElement.GetProperty("Id").GetString()!;
    await Curl("-X", "POST", $"http://d/v1.41/containers/{id}/start");
    var waited = await Curl("-X", "POST", $"http://d/v1.41/containers/{id}/wait");
    await Curl("-X", "DELETE", $"http://d/v1.41/containers/{id}");
    Check(JsonDocument.Parse(waited).RootElement.GetProperty("StatusCode").GetInt64() == 0, $"raw: {waited}");
}

async Task Cli(int round)
{
    var output = await Run("docker", "-H", host, "run", "--rm", "--name", $"cox-bench-cli-{round}-{Environment.ProcessId}", image, "true");
    Check(output.Length == 0, $"docker run printed: {output}");
}

Task<string> Curl(params string[] args) => Run("curl", ["-sS", "--fail-with-body", "--unix-socket", socket, .. args]);

static async Task<string> Run(string file, params string[] args)
{
    var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in args)
    {
        psi.ArgumentList.Add(a);
    }

    using var process = Process.Start(psi)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    Check(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
    return await stdout;
}

static void Check(bool ok, string message)
{
    if (!ok)
    {
        throw new InvalidOperationException(message);
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
