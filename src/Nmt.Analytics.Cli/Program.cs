using Nmt.Analytics.Cli;

return NmtCli.Run(args, Console.Out, Console.Error);
