using System.Net.Sockets;

namespace Coxswain.Daemon.Hosting;

/// <summary>Prepares the API's unix socket path: an owner-only folder, no stale socket, and no second daemon on it.</summary>
internal static class SocketFile
{
    /// <summary>Creates the folder (0700), removes a socket file nobody listens on, and fails when a daemon answers there.</summary>
    /// <exception cref="InvalidOperationException">When another process listens on <paramref name="path"/>, or the path is a folder.</exception>
    public static void Prepare(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (Directory.Exists(path))
        {
            throw new InvalidOperationException($"{path} is a folder, not a socket; remove it or choose another path with --socket");
        }

        if (!File.Exists(path))
        {
            return;
        }

        if (Answers(path))
        {
            throw new InvalidOperationException($"another cox daemon is already listening on {path}; stop it first, or give this one another --socket and --data-dir");
        }

        File.Delete(path); // left by a daemon that died
    }

    /// <summary>Makes the socket owner-only (read and write for its user).</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static bool Answers(string path)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
