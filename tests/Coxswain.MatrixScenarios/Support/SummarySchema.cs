using System.Globalization;
using System.Text.Json;
using Xunit;

namespace Coxswain.MatrixScenarios;

/// <summary>Checks a per-container summary against the schema in docs/matrix.md: exactly its keys, each of its type.</summary>
public static class SummarySchema
{
    private static readonly string[] Keys = ["distro", "image_digest", "container_id", "started_at", "finished_at", "exit_code", "log_paths", "suites"];

    public static void Validate(string path, string distro)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var where = $"{path}:\n{root}";
        Assert.True(Keys.SequenceEqual(root.EnumerateObject().Select(p => p.Name)), $"the keys differ from the schema's: {where}");
        Assert.Equal(distro, root.GetProperty("distro").GetString());
        Assert.StartsWith("sha256:", root.GetProperty("image_digest").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("container_id").GetString());
        var started = Time(root, "started_at");
        var finished = Time(root, "finished_at");
        Assert.True(finished >= started, $"finished_at is before started_at: {where}");
        Assert.Equal(JsonValueKind.Number, root.GetProperty("exit_code").ValueKind);
        var logs = root.GetProperty("log_paths");
        Assert.Equal(["stdout", "stderr"], logs.EnumerateObject().Select(p => p.Name));
        Assert.True(File.Exists(logs.GetProperty("stdout").GetString()), $"the stdout log is missing: {where}");
        Assert.True(File.Exists(logs.GetProperty("stderr").GetString()), $"the stderr log is missing: {where}");
        foreach (var suite in root.GetProperty("suites").EnumerateArray())
        {
            var names = suite.EnumerateObject().Select(p => p.Name).ToList();
            Assert.True(names.SequenceEqual(["name", "status"]) || names.SequenceEqual(["name", "status", "expect"]), $"a suite has keys {string.Join(",", names)}: {where}");
            Assert.False(string.IsNullOrWhiteSpace(suite.GetProperty("name").GetString()));
            Assert.Contains(suite.GetProperty("status").GetString(), new[] { "pass", "fail" });
            if (suite.TryGetProperty("expect", out var expect))
            {
                Assert.Equal("fail", expect.GetString());
            }
        }
    }

    private static DateTimeOffset Time(JsonElement root, string key) =>
        DateTimeOffset.ParseExact(root.GetProperty(key).GetString()!, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
