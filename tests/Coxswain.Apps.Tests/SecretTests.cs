using Coxswain.Apps.Tests.Support;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.Apps.Tests;

public sealed class SecretTests
{
    [Fact]
    public async Task Install_FileBackedSecret_IsMountedReadOnlyAtRunSecretsAndNowhereElse()
    {
        await using var bed = new AppBed();
        bed.AddApp("vault", TestApps.Vault, ("secrets/api_token.txt", "s3cr3t-from-file"));

        var result = await bed.DriveAsync(bed.Manager.InstallAsync("vault", AppBed.Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        var read = await bed.Engine.ExecAsync("vault-vault-1", new ExecSpec(["cat", "/run/secrets/api_token"]), cancellationToken: AppBed.Ct);
        Assert.Equal("s3cr3t-from-file", read.Stdout.Trim());
        var info = await bed.Engine.InspectContainerAsync("vault-vault-1", AppBed.Ct);
        Assert.DoesNotContain(info.Environment, e => e.Contains("s3cr3t", StringComparison.Ordinal));
        Assert.DoesNotContain(info.Labels.Values, v => v.Contains("s3cr3t", StringComparison.Ordinal));
        var state = string.Concat(Directory.EnumerateFiles(Path.Combine(bed.Root, "state"), "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain("s3cr3t", state, StringComparison.Ordinal);
        var write = await bed.Engine.ExecAsync("vault-vault-1", new ExecSpec(["sh", "-c", "echo x > /run/secrets/api_token"]), cancellationToken: AppBed.Ct);
        Assert.NotEqual(0, write.ExitCode);
    }

    [Fact]
    public async Task Install_SecretFileMissing_IsInvalidAndCreatesNothing()
    {
        await using var bed = new AppBed();
        bed.AddApp("vault", TestApps.Vault);

        var result = await bed.Manager.InstallAsync("vault", AppBed.Ct);

        Assert.Equal(AppErrorCode.InvalidApp, result.Error?.Code);
        Assert.Contains(result.Error!.Reasons, r => r.Contains("api_token.txt", StringComparison.Ordinal));
        Assert.Empty(await bed.LabelledAsync("vault"));
    }

    [Fact]
    public async Task Install_SecretFromAVariable_IsRefused()
    {
        await using var bed = new AppBed();
        bed.AddApp("vault", TestApps.Vault.Replace("file: ./secrets/api_token.txt", "environment: API_TOKEN", StringComparison.Ordinal));

        var result = await bed.Manager.InstallAsync("vault", AppBed.Ct);

        Assert.Equal(AppErrorCode.InvalidApp, result.Error?.Code);
        Assert.Contains("apps take secrets from files", result.Error!.Message, StringComparison.Ordinal);
    }
}
