using Xunit;

namespace Coxswain.EngineTests;

/// <summary>Missing containers and images, taken names, and renames.</summary>
public abstract partial class EngineContract
{
    [Fact]
    public async Task InspectContainer_Missing_NotFoundContainer()
    {
        var name = Scope.Name("missing");

        var error = await AssertNotFoundAsync("container", () => Engine.InspectContainerAsync(name, Ct));

        Assert.Equal(name, error.Resource);
    }

    [Fact]
    public async Task StartContainer_Missing_NotFoundContainer()
    {
        var name = Scope.Name("missing");

        await AssertNotFoundAsync("container", () => Engine.StartContainerAsync(name, Ct));
    }

    [Fact]
    public async Task StopContainer_Missing_NotFoundContainer()
    {
        var name = Scope.Name("missing");

        await AssertNotFoundAsync("container", () => Engine.StopContainerAsync(name, TimeSpan.FromSeconds(1), Ct));
    }

    [Fact]
    public async Task RemoveContainer_Missing_NotFoundContainer()
    {
        var name = Scope.Name("missing");

        await AssertNotFoundAsync("container", () => Engine.RemoveContainerAsync(name, force: true, cancellationToken: Ct));
    }

    [Fact]
    public async Task KillContainer_Missing_NotFoundContainer()
    {
        var name = Scope.Name("missing");

        await AssertNotFoundAsync("container", () => Engine.KillContainerAsync(name, cancellationToken: Ct));
    }

    [Fact]
    public async Task WaitContainer_Missing_NotFoundContainer()
    {
        var name = Scope.Name("missing");

        await AssertNotFoundAsync("container", () => Engine.WaitContainerAsync(name, Ct));
    }

    [Fact]
    public async Task CreateContainer_DuplicateName_Conflict()
    {
        // Podman answers 500 "that name is already in use"; the client reports it as a conflict like Docker's 409.
        var spec = Spec("dup", Sleeper);
        var first = await CreateAsync(spec);

        await AssertConflictAsync(() => Engine.CreateContainerAsync(spec, Ct));

        Assert.Equal(first, (await InspectAsync(spec.Name!)).Id);
    }

    [Fact]
    public async Task CreateContainer_MissingImage_NotFoundImage()
    {
        var spec = Spec("noimage", "true") with { Image = $"{Scope.Name("absent")}:latest" };

        await AssertNotFoundAsync("image", () => Engine.CreateContainerAsync(spec, Ct));

        await AssertNotFoundAsync("container", () => Engine.InspectContainerAsync(spec.Name!, Ct));
    }

    [Fact]
    public async Task RenameContainer_ToFreeName_OnlyTheNewNameFindsIt()
    {
        var spec = Spec("before", Sleeper);
        var id = await CreateAsync(spec);
        var newName = Scope.Name("after");

        await Engine.RenameContainerAsync(id, newName, Ct).Within();

        var info = await InspectAsync(newName);
        Assert.Equal(id, info.Id);
        Assert.Equal(newName, info.Name);
        await AssertNotFoundAsync("container", () => Engine.InspectContainerAsync(spec.Name!, Ct));
    }

    [Fact]
    public async Task RenameContainer_ToTakenName_ConflictAndNamesUnchanged()
    {
        var first = Spec("one", Sleeper);
        var second = Spec("two", Sleeper);
        var firstId = await CreateAsync(first);
        var secondId = await CreateAsync(second);

        await AssertConflictAsync(() => Engine.RenameContainerAsync(secondId, first.Name!, Ct));

        Assert.Equal(firstId, (await InspectAsync(first.Name!)).Id);
        Assert.Equal(secondId, (await InspectAsync(second.Name!)).Id);
    }

    [Fact]
    public async Task RenameContainer_Missing_NotFoundContainer()
    {
        await AssertNotFoundAsync("container", () => Engine.RenameContainerAsync(Scope.Name("missing"), Scope.Name("new"), Ct));
    }
}
