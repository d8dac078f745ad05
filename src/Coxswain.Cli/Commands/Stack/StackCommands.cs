using System.CommandLine;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>Registers the stack commands (up, down, ps, config, logs, restart, stop, start, supervise, unsupervise) and their project options.</summary>
internal static class StackCommands
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions global)
    {
        var project = new ProjectOptions();
        project.AddTo(root);
        var commands = new[]
        {
            UpCommand.Create(context, global, project),
            DownCommand.Create(context, global, project),
            PsCommand.Create(context, global, project),
            ConfigCommand.Create(context, project),
            LogsCommand.Create(context, global, project),
            LifecycleCommand.Create(context, global, project, Stacks.LifecycleAction.Restart),
            LifecycleCommand.Create(context, global, project, Stacks.LifecycleAction.Stop),
            LifecycleCommand.Create(context, global, project, Stacks.LifecycleAction.Start),
            SuperviseCommand.Create(context, project),
            SuperviseCommand.CreateUnsupervise(context, project),
        };
        foreach (var command in commands)
        {
            project.AddTo(command);
            root.Subcommands.Add(command);
        }
    }
}
