using Coxswain.Supervision;
using Xunit;

namespace Coxswain.SupervisionScenarios.Detection;

/// <summary>Reading OOM kills out of kernel log lines, as captured on this project's machines and on systemd hosts. Pure.</summary>
[Trait("Category", "Unit")]
public sealed class KernelOomLineTests
{
    private const string Id = "cda765f201669c24e8e7437bff4b3740d04f8205e99c582f9942dbb5520e25de";

    [Fact]
    public void Parse_PodmanCgroupfsMemcgKill_ReadsIdTaskPidSequenceAndUptime()
    {
        var line = $"6,2345,11255525596,-;oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=libpod-{Id},mems_allowed=0,oom_memcg=/libpod_parent/libpod-{Id},task_memcg=/libpod_parent/libpod-{Id},task=sh,pid=4067,uid=0\n";

        var record = KernelOomLine.Parse(line);

        Assert.Equal(new KernelOomRecord(2345, TimeSpan.FromMicroseconds(11255525596), Id, "sh", 4067), record);
    }

    [Theory]
    [InlineData($"/docker/{Id}")]
    [InlineData($"/system.slice/docker-{Id}.scope")]
    [InlineData($"/machine.slice/libpod-{Id}.scope/container")]
    [InlineData($"/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-{Id}.scope")]
    public void Parse_EveryEnginesCgroupPath_FindsTheContainerId(string cgroup)
    {
        var record = KernelOomLine.Parse($"6,1,5,-;oom-kill:constraint=CONSTRAINT_MEMCG,oom_memcg={cgroup},task_memcg={cgroup},task=java,pid=9,uid=0");

        Assert.Equal(Id, record?.ContainerId);
    }

    [Theory]
    [InlineData("6,2346,11255525612,-;Memory cgroup out of memory: Killed process 4067 (sh) total-vm:26852kB")]
    [InlineData("6,10,20,-;oom-kill:constraint=CONSTRAINT_NONE,oom_memcg=/,task_memcg=/system.slice/sshd.service,task=sshd,pid=1,uid=0")]
    [InlineData("not a kmsg record")]
    public void Parse_OtherLinesAndHostProcesses_AreNotContainerOomKills(string line) => Assert.Null(KernelOomLine.Parse(line));
}
