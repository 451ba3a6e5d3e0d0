using System.CommandLine;

var root = new RootCommand("EntryExit.Edge: the Canada–U.S. entry/exit gateway and its technician tools.");
return root.Parse(args).Invoke();
