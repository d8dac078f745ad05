namespace Coxswain.Apps;

/// <summary>
/// Why an app operation failed. The values are the JSON-RPC 2.0 error codes the daemon answers with (the server range
/// -32000 to -32099), so a host can pass them on as they are.
/// </summary>
public enum AppErrorCode
{
    /// <summary>The id names no folder with a Compose file in the catalog.</summary>
    NotFoundInCatalog = -32001,

    /// <summary>The app is installed already (use upgrade, start or remove).</summary>
    AlreadyInstalled = -32002,

    /// <summary>The app is not installed.</summary>
    NotInstalled = -32003,

    /// <summary>The catalog entry is not a valid app: Compose errors, a secret without a file, a bad id.</summary>
    InvalidApp = -32004,

    /// <summary>An image could not be pulled after every retry.</summary>
    PullFailed = -32005,

    /// <summary>The app did not come up; everything the install created was rolled back.</summary>
    InstallFailed = -32006,

    /// <summary>The new version did not come up; the app was rolled back to the previous one.</summary>
    UpgradeFailed = -32007,

    /// <summary>The remove left something behind (listed).</summary>
    RemoveIncomplete = -32008,

    /// <summary>Start, stop or restart did not complete.</summary>
    OperationFailed = -32009,

    /// <summary>No container of an installed app has that name or id.</summary>
    ContainerNotFound = -32010,

    /// <summary>The project name is used by containers that are not this app's (a stack started with <c>cox up</c>).</summary>
    Conflict = -32011,

    /// <summary>The engine does not answer.</summary>
    EngineUnavailable = -32012,
}
