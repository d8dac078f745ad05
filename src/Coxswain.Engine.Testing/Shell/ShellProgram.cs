namespace Coxswain.Engine.Testing;

/// <summary>
/// The default <see cref="IContainerProgram"/>: a small interpreter of the busybox <c>sh</c> subset that tests use,
/// applied to the container's entrypoint + command (and to exec commands).
/// </summary>
/// <remarks>
/// <para><b>Command lines.</b> <c>["sh", "-c", script, arg0, args...]</c> (also <c>/bin/sh</c>, <c>ash</c>, <c>bash</c>,
/// combined flags such as <c>-ec</c>) runs the script. <c>["sh"]</c> alone waits for stdin: it runs until stopped when
/// <see cref="ContainerSpec.OpenStdin"/> is set and exits 0 at once otherwise, as in a real container. Any other command
/// line is one command: <c>["sleep", "300"]</c>, <c>["echo", "hi"]</c>, <c>["true"]</c>, <c>["false"]</c>,
/// <c>["busybox", "httpd", "-f"]</c>.</para>
/// <para><b>Syntax.</b> Lists with <c>;</c>, <c>&amp;&amp;</c>, <c>||</c> and newlines; <c>cmd &amp;</c> (background) and
/// <c>wait</c>; <c>!</c>; <c>if/elif/else/fi</c>, <c>while</c>, <c>until</c>, <c>for x in ...</c>, <c>{ ...; }</c>;
/// quoting with <c>'...'</c>, <c>"..."</c> and <c>\</c>; <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>$?</c>,
/// <c>$0</c>..<c>$9</c>, <c>$#</c>, <c>$@</c>; <c>NAME=value</c>; comments. Redirections: <c>&gt;&amp;2</c>, <c>1&gt;&amp;2</c>,
/// <c>2&gt;&amp;1</c>, <c>&gt;/dev/null</c>, <c>2&gt;/dev/null</c>, <c>&amp;&gt;</c>, <c>&gt; file</c>, <c>&gt;&gt; file</c>,
/// <c>&lt; file</c>. Not supported, and reported as "sh: syntax error: ..." with exit code 2: pipes, subshells,
/// <c>$(...)</c> and backticks, arithmetic, <c>case</c>, functions, here-documents.</para>
/// <para><b>Commands.</b> <c>echo</c> (<c>-n</c>, <c>-e</c>), <c>printf</c> (<c>%s %d %b %%</c>), <c>exit N</c>,
/// <c>sleep N</c> (seconds, fractions, s/m/h/d suffixes, <c>infinity</c>; waits on the engine's
/// <see cref="TimeProvider"/>), <c>true</c>, <c>false</c>, <c>:</c>, <c>trap 'action' TERM INT ...</c> (also <c>EXIT</c>,
/// <c>trap - SIG</c>, <c>trap '' SIG</c>), <c>wait</c>, <c>export</c>, <c>unset</c>, <c>set</c> (ignored), <c>cd</c>,
/// <c>pwd</c>, <c>hostname</c>, <c>whoami</c>, <c>date</c>, <c>env</c>, <c>printenv</c>, <c>test</c>/<c>[</c> (strings,
/// integers, <c>-z -n -e -f -d -s</c>), <c>cat</c>, <c>tail [-n N]</c>, <c>rm</c>, <c>mkdir</c>, <c>touch</c>, <c>exec</c>,
/// nested <c>sh -c</c>. Files live in <see cref="ContainerFileSystem"/>: the container's layer, volumes (shared between
/// containers), tmpfs and bind mounts; read-only mounts fail writes with "Read-only file system". Servers run until
/// stopped: <c>httpd -f ...</c> (without <c>-f</c> it daemonizes and returns 0), <c>tail -f ...</c>, <c>nc -l ...</c>,
/// <c>cat</c> with stdin open, <c>sleep infinity</c>.</para>
/// <para><b>Unknown commands.</b> In a container's main process a command the shell does not know (<c>redis-server</c>,
/// <c>nginx</c>) is taken for a server and runs until stopped or killed (see <see cref="InMemoryEngineOptions.UnknownCommands"/>);
/// in an exec it fails as on Docker: exit code 126 with the runtime's "executable file not found" when it is the exec's
/// command itself, "sh: X: not found" and 127 inside a script (script such commands with <see cref="ExecScripts"/>).</para>
/// <para><b>Signals</b>, as measured on Docker 20.10 with busybox 1.35: the main process is PID 1, so a signal it has no
/// trap for does nothing (a stop then waits its timeout and SIGKILLs: exit 137). A trapped signal runs its action after
/// the foreground command ends: <c>trap 'exit 3' TERM; sleep 300</c> still ends in SIGKILL, while
/// <c>trap 'exit 3' TERM; sleep 300 &amp; wait</c> exits 3 at once (<c>wait</c> is interrupted) and
/// <c>trap 'exit 3' TERM; while true; do sleep 1; done</c> exits 3 when the current <c>sleep 1</c> ends. With
/// <see cref="ContainerSpec.Init"/> the shell is not PID 1 and an untrapped TERM ends it with 143.</para>
/// </remarks>
public sealed class ShellProgram : IContainerProgram
{
    private readonly UnknownCommandBehavior _unknown;

    /// <summary>Creates the interpreter (unknown commands in a main process run until stopped).</summary>
    public ShellProgram()
        : this(UnknownCommandBehavior.RunUntilKilled)
    {
    }

    internal ShellProgram(UnknownCommandBehavior unknown)
    {
        _unknown = unknown;
    }

    /// <inheritdoc />
    public Task<int> RunAsync(ContainerProcess process, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        var unknown = process.IsExec ? UnknownCommandBehavior.NotFound : _unknown;
        return new ShellRunner(process, unknown, cancellationToken).RunArgvAsync(process.Arguments);
    }

    /// <summary>Whether the shell emulates the command <paramref name="argv0"/> (a path or a name).</summary>
    internal static bool Knows(string argv0) => ShellRunner.KnownCommands.Contains(Path.GetFileName(argv0));
}
