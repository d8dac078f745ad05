using System.Globalization;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>
/// One <c>cox</c> at a time changes a project: <c>up</c>, <c>down</c>, <c>start</c>, <c>stop</c> and <c>restart</c> hold an
/// exclusive lock on <c>&lt;data-dir&gt;/locks/&lt;project&gt;.lock</c> (an advisory file lock, released by the kernel
/// when the process dies, so a killed <c>cox</c> never leaves it held). A second one waits, saying which process holds it.
/// </summary>
internal sealed class ProjectLock : IDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _file;

    private ProjectLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of <paramref name="project"/>, waiting while another process holds it.</summary>
    public static async Task<ProjectLock> AcquireAsync(CliContext context, string project, CancellationToken ct)
    {
        var folder = Path.Combine(context.DaemonPaths.DataDirectory, "locks");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, project + ".lock");
        var told = false;
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                file.SetLength(0);
                var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
                await file.WriteAsync(System.Text.Encoding.ASCII.GetBytes(pid), ct).ConfigureAwait(false);
                await file.FlushAsync(ct).ConfigureAwait(false);
                return new ProjectLock(file);
            }
            catch (IOException) when (!ct.IsCancellationRequested)
            {
                if (!told)
                {
                    told = true;
                    var holder = ReadHolder(path);
                    await context.Error.WriteLineAsync(
                        $"cox: another cox{holder} is changing project {project}; waiting for it to finish (Ctrl+C to give up)").ConfigureAwait(false);
                }

                await Task.Delay(RetryEvery, context.Time, ct).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _file.Dispose();

    private static string ReadHolder(string path)
    {
        try
        {
            using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var text = new StreamReader(reader);
            var pid = text.ReadToEnd().Trim();
            return pid.Length == 0 ? "" : $" (pid {pid})";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
