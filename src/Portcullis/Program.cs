using System.CommandLine;
using Portcullis.Commands;

var root = new RootCommand("Portcullis: an authorization gateway for APIs and AI workloads (OpenID AuthZEN).");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(PdpCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(CelCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
