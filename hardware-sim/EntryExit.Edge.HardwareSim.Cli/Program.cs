using System.CommandLine;
using EntryExit.Edge.HardwareSim.Cli;

var root = new RootCommand("entryexit-sim: the booth hardware simulator, run on its own against a running gateway (field training, manual tests).");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
return await root.Parse(args).InvokeAsync();
