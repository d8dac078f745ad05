using Coxswain.Cli;

return await CoxApp.RunAsync(args, CliContext.FromProcess()).ConfigureAwait(false);
