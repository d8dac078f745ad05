using Coxswain.Supervision.Tests.Support;
using Xunit;

namespace Coxswain.Supervision.Tests.Policy;

public sealed class RestartSettingsReaderTests
{
    [Fact]
    public void Read_XCoxRestart_OverridesTheDefaults()
    {
        var project = ComposeText.Load("""
            services:
              db:
                image: busybox:test
                x-cox:
                  restart:
                    initial_delay: 500ms
                    factor: 3
                    max_delay: 1m
                    budget: 4
                    window: 30m
                    stable_after: 2h
                    jitter: 0
            """);
        var errors = new List<string>();

        var settings = RestartSettingsReader.Read(project.Services[0], null, errors);

        Assert.Empty(errors);
        Assert.Equal(new RestartSettings
        {
            InitialDelay = TimeSpan.FromMilliseconds(500),
            Factor = 3,
            MaxDelay = TimeSpan.FromMinutes(1),
            Budget = 4,
            Window = TimeSpan.FromMinutes(30),
            StableAfter = TimeSpan.FromHours(2),
            Jitter = 0,
        }, settings);
    }

    [Fact]
    public void Read_BadValues_ReportsEachWithItsPath()
    {
        var project = ComposeText.Load("""
            services:
              db:
                image: busybox:test
                x-cox:
                  restart:
                    initial_delay: soon
                    budget: 2.5
                    retries: 3
            """);
        var errors = new List<string>();

        RestartSettingsReader.Read(project.Services[0], null, errors);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("services.db.x-cox.restart.initial_delay: must be a duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("services.db.x-cox.restart.budget: must be a whole number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("services.db.x-cox.restart.retries: unknown setting", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains("compose.yaml:", e, StringComparison.Ordinal));
    }
}
