using EntryExit.Edge.Host.Cli;

return await EdgeCli.RunAsync(args, CliIO.Console, TimeProvider.System);
