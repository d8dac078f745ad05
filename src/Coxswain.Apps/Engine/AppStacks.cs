using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>
/// The stack an app runs: its Compose project with the app labels added to every service (the app id, and the image id
/// each service is installed with), turned into a <see cref="DesiredStack"/>.
/// </summary>
internal static class AppStacks
{
    /// <summary>The project with the app labels on every service.</summary>
    public static ComposeProject Label(AppDefinition app, IReadOnlyDictionary<string, AppImage> images)
    {
        var services = app.Project.Services.Select(service =>
        {
            var labels = new Dictionary<string, string>(service.Labels, StringComparer.Ordinal) { [AppLabels.App] = app.Id };
            if (images.TryGetValue(service.Name, out var image) && image.Id.Length > 0)
            {
                labels[AppLabels.ImageId] = image.Id;
            }

            return service with { Labels = labels };
        }).ToList();
        return app.Project with { Services = services };
    }

    /// <summary>The desired stack of the labelled project.</summary>
    public static DesiredStack Desired(AppDefinition app, IReadOnlyDictionary<string, AppImage> images, string epoch) =>
        DesiredStateBuilder.Build(Label(app, images), new StackSelection { Epoch = epoch });

    /// <summary>The image each active service uses, with the id it resolves to now (empty when the image is not present or is built).</summary>
    public static async Task<IReadOnlyDictionary<string, AppImage>> ResolveImagesAsync(IEngineClient engine, AppDefinition app, CancellationToken ct)
    {
        var images = new SortedDictionary<string, AppImage>(StringComparer.Ordinal);
        foreach (var service in app.Project.ActiveServices)
        {
            var reference = ContainerSpecMapper.ImageReference(app.Id, service);
            var id = "";
            if (service.Build is null)
            {
                try
                {
                    id = (await engine.InspectImageAsync(reference, ct).ConfigureAwait(false)).Id;
                }
                catch (EngineNotFoundException)
                {
                    // not present: no id
                }
            }

            images[service.Name] = new AppImage(reference, id);
        }

        return images;
    }
}
