Console.Error.WriteLine("entryexit-sim: not built yet"); return 2;
