using Coxswain.Plans.Yaml;

namespace Coxswain.Plans.Tests.Yaml;

public sealed class YamlPlanTests
{
    [Fact]
    public async Task Load_FullPlan_BuildsTasksAndRuns()
    {
        const string Yaml = """
            name: release
            description: build and ship
            max_parallelism: 2
            on_error: continue
            timeout: 1m
            variables:
              greeting: hello
            targets:
              local: unix:///run/cox-test/docker.sock
            tasks:
              fetch:
                type: noop
                changed: true
                message: ${greeting} world
              lint:
                type: noop
              build:
                type: noop
                changed: true
                depends_on: [fetch, lint]
                only_if_changed: true
                target: local
              flaky:
                type: fail
                attempts: 2
                on_error: retry
                retries: 2
                retry_delay: 0s
              publish:
                type: noop
                depends_on: build
                when: changed(build) and not failed(lint)
              cleanup:
                type: noop
                depends_on: [lint]
                when: not changed(lint)
                timeout: 5s
            """;

        var loaded = YamlPlanLoader.Load(Yaml, "release.yaml");
        var plan = loaded.Plan;
        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal("release", plan.Name);
        Assert.Equal("build and ship", loaded.Description);
        Assert.Equal(2, plan.Options.MaxParallelism);
        Assert.Equal(TimeSpan.FromMinutes(1), plan.Options.DefaultTimeout);
        Assert.Equal(FailureAction.Continue, plan.Options.ErrorStrategy.Then);
        Assert.Equal("unix:///run/cox-test/docker.sock", loaded.Targets["local"]);
        Assert.Equal(["fetch", "lint", "build", "flaky", "publish", "cleanup"], plan.Tasks.Select(t => t.Name));
        Assert.Equal(["fetch", "lint"], plan.Find("build")!.Dependencies);
        Assert.True(plan.Find("build")!.RunsOnlyIfChanged);
        Assert.Equal("local", plan.Find("build")!.Target);
        Assert.Equal("changed(build) and not failed(lint)", plan.Find("publish")!.GuardDescription);
        Assert.Equal(TimeSpan.FromSeconds(5), plan.Find("cleanup")!.Timeout);
        Assert.Equal("retry 2 (exponential 0 ms max 1 min) then stop_all", plan.Find("flaky")!.ErrorStrategy!.ToString());
        Assert.Equal("hello world", report["fetch"].Message);
        Assert.Equal(PlanTaskStatus.Changed, report["build"].Status);
        Assert.Equal(PlanTaskStatus.Changed, report["flaky"].Status);
        Assert.Equal(3, report["flaky"].Attempts);
        Assert.Equal(PlanTaskStatus.Unchanged, report["publish"].Status);
        Assert.Equal(PlanTaskStatus.Unchanged, report["cleanup"].Status);
    }

    [Fact]
    public async Task Load_WhenUsesFailed_RunsAfterTheDependencyFailed()
    {
        const string Yaml = """
            on_error: continue
            tasks:
              deploy: { type: fail, message: health check failed }
              rollback: { type: noop, changed: true, depends_on: deploy, when: failed(deploy) }
              announce: { type: noop, depends_on: deploy }
            """;

        var report = await YamlPlanLoader.Load(Yaml).Plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Changed, report["rollback"].Status);
        Assert.Equal("dependency 'deploy' failed", report["announce"].SkipReason);
        Assert.Equal("health check failed", report["deploy"].Error);
    }

    [Fact]
    public void Load_Variables_OverridesDefaultsAndEscapes()
    {
        const string Yaml = """
            variables: { env: dev, port: "8080" }
            tasks:
              show:
                type: noop
                message: "${env}:${port} ${region:-eu} $${literal}"
            """;

        var loaded = YamlPlanLoader.Load(Yaml, "v.yaml", new YamlPlanLoadOptions { Variables = new Dictionary<string, string> { ["env"] = "prod" } });

        Assert.Equal("prod", loaded.Variables["env"]);
        Assert.Contains("prod:8080 eu ${literal}", loaded.Plan.Tasks[0].Operation.Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EveryProblem_ReportedWithFileLineColumnAndTask()
    {
        const string Yaml = """
            name: broken
            parallelism: 3
            variables: { dir: /srv }
            tasks:
              fetch:
                type: comand
                command: get ${dir}
              build:
                type: noop
                depends_on: [fecth, ghost]
                timeout: soon
                on_error: explode
                retries: -1
              test:
                type: noop
                when: changed(build) and
              deploy:
                type: noop
                depends_on: build
                when: changed(fetch) or changed(nothing)
                target: prod
                chnaged: true
              "bad name":
                type: noop
              notes:
                description: no type here
              run:
                type: command
                creates: ${missing}/x
              probe:
                type: http
                url: ftp://example.invalid/
              fetch:
                type: noop
            """;

        var error = Assert.Throws<PlanValidationException>(() => YamlPlanLoader.Load(Yaml, "broken.yaml"));

        Assert.Equal(
            string.Join('\n', new[]
            {
                "broken.yaml:2:1: unknown key 'parallelism' at the top of a plan file. Did you mean 'max_parallelism'?",
                "broken.yaml:6:11: task 'fetch': unknown type 'comand' (known: command, fail, http, noop). Did you mean 'command'?",
                "broken.yaml:10:18: task 'build': depends on 'fecth', which is not a task in this plan. Did you mean 'fetch'?",
                "broken.yaml:10:25: task 'build': depends on 'ghost', which is not a task in this plan.",
                "broken.yaml:11:14: task 'build': 'timeout' is not a positive duration: 'soon'; use a number of seconds or units like 500ms, 30s, 5m, 2h, 1m30s.",
                "broken.yaml:12:15: task 'build': 'on_error' must be stop_all, continue or retry, not 'explode'.",
                "broken.yaml:13:14: task 'build': 'retries' must be a whole number ≥ 0, not '-1'.",
                "broken.yaml:16:29: task 'test': invalid 'when': the expression ends too soon; expected a condition such as changed(task).",
                "broken.yaml:20:19: task 'deploy': 'when' refers to 'fetch', which is not a dependency of this task, so its result may not exist yet; add it to depends_on.",
                "broken.yaml:20:37: task 'deploy': 'when' refers to 'nothing', which is not a task in this plan.",
                "broken.yaml:21:13: task 'deploy': unknown target 'prod' (the plan defines no targets); define it under 'targets'.",
                "broken.yaml:22:5: task 'deploy': unknown key 'chnaged' for a 'noop' task. Did you mean 'changed'?",
                "broken.yaml:23:3: task 'bad name': a task name must start with a letter or digit and use only letters, digits, '_', '-' and '.'.",
                "broken.yaml:25:3: task 'notes': the task needs a 'type' (one of: command, fail, http, noop).",
                "broken.yaml:27:3: task 'run': a 'command' task needs exactly one of 'command' (a shell line) or 'argv' (a program and its arguments).",
                "broken.yaml:29:14: task 'run': unknown variable 'missing' (defined: dir); define it under 'variables', pass it to the loader, or write ${missing:-default}.",
                "broken.yaml:32:10: task 'probe': 'url' must be an absolute http:// or https:// URL, not 'ftp://example.invalid/'.",
                "broken.yaml:33:3: task 'fetch': duplicate task name 'fetch' (first defined at line 5, column 3); task names must be unique.",
            }),
            string.Join('\n', error.Errors.Select(e => e.ToString())));
        Assert.StartsWith("Plan 'broken' is not valid (18 problems):", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Cycle_ReportedAtTheTask()
    {
        const string Yaml = """
            tasks:
              a: { type: noop, depends_on: c }
              b: { type: noop, depends_on: a }
              c: { type: noop, depends_on: b }
            """;

        var error = Assert.Throws<PlanValidationException>(() => YamlPlanLoader.Load(Yaml, "cycle.yaml"));

        Assert.Equal(
            "cycle.yaml:2:3: task 'a': Dependency cycle: a -> c -> b -> a. A task cannot (even indirectly) depend on itself; remove one of these dependencies.",
            Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Load_SyntaxError_HasPosition()
    {
        const string Yaml = """
            tasks:
              a:
                type: noop
               bad: [unclosed
            """;

        var error = Assert.Throws<PlanValidationException>(() => YamlPlanLoader.Load(Yaml, "syntax.yaml"));

        var problem = Assert.Single(error.Errors);
        Assert.StartsWith("syntax.yaml:4:", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("YAML syntax error", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty.yaml:1:1: the file is empty; a plan needs at least a 'tasks' mapping.")]
    [InlineData("- a\n- b\n", "x.yaml:1:1: a plan file must be a mapping with 'tasks' (and optionally name, variables, targets, ...), not a list.")]
    [InlineData("name: x\n", "x.yaml:1:1: the plan has no 'tasks'; add a 'tasks' mapping of task name → task.")]
    [InlineData("tasks: []\n", "x.yaml:1:8: 'tasks' must be a mapping of task name → task, not a list.")]
    [InlineData("tasks:\n  a: noop\n", "x.yaml:2:6: task 'a': a task must be a mapping with at least 'type', not a scalar.")]
    [InlineData("tasks:\n  a: { type: noop, when: \"changed(a) xor\" }\n", "x.yaml:2:38: task 'a': invalid 'when': unexpected 'xor'; join conditions with 'and' or 'or'.")]
    [InlineData("tasks:\n  a: { type: noop, when: bogus(a) }\n", "x.yaml:2:26: task 'a': invalid 'when': unknown condition 'bogus'; use changed(task), unchanged(task), failed(task), skipped(task), succeeded(task), true, false, not, and, or.")]
    [InlineData("tasks:\n  a: { type: noop, on_error: retry, retries: 0 }\n", "x.yaml:2:46: task 'a': 'on_error: retry' needs 'retries' of at least 1 (or leave retries out for the default of 3).")]
    [InlineData("tasks:\n  a: { type: noop, backoff: random }\n", "x.yaml:2:29: task 'a': 'backoff' must be constant, linear or exponential, not 'random'.")]
    [InlineData("tasks:\n  a: { type: noop, only_if_changed: yes }\n", "x.yaml:2:37: task 'a': 'only_if_changed' must be true or false, not 'yes'.")]
    [InlineData("max_parallelism: 0\ntasks:\n  a: { type: noop }\n", "x.yaml:1:18: 'max_parallelism' must be a whole number ≥ 1, not '0'.")]
    public void Load_SingleProblem_ExactMessage(string yaml, string expected)
    {
        var source = yaml.Length == 0 ? "empty.yaml" : "x.yaml";

        var error = Assert.Throws<PlanValidationException>(() => YamlPlanLoader.Load(yaml, source));

        Assert.Equal(expected, Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public async Task Load_CustomOperationType_UsesRegisteredFactory()
    {
        var registry = Coxswain.Plans.Operations.OperationRegistry.CreateDefault()
            .Register("greet", a => new Coxswain.Plans.Operations.NoopOperation(changed: true, message: "hi " + a.GetString("who", required: true)));

        var loaded = YamlPlanLoader.Load("tasks:\n  g: { type: greet, who: ops }\n", "c.yaml", new YamlPlanLoadOptions { Operations = registry });
        var missing = Assert.Throws<PlanValidationException>(() => YamlPlanLoader.Load("tasks:\n  g: { type: greet }\n", "c.yaml", new YamlPlanLoadOptions { Operations = registry }));

        Assert.Equal("hi ops", (await loaded.Plan.RunAsync(Drive.Token).Bounded())["g"].Message);
        Assert.Equal("c.yaml:2:3: task 'g': a 'greet' task needs 'who'.", Assert.Single(missing.Errors).ToString());
    }
}
