using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Demo;
using Portcullis.Gateway.Pipeline;
using Portcullis.Pdp.Entities;

namespace Portcullis.Commands;

/// <summary><c>portcullis demo [--urls URL]</c>: the quickstart. The gateway with the embedded PDP on the demo policies,
/// a documents API and a development token issuer, all on loopback; prints curl commands with ready tokens.</summary>
/// <remarks>The demo files (samples/demo, embedded in this assembly) are written to a temporary folder deleted on exit and
/// loaded exactly as <c>serve</c> loads a configuration.</remarks>
internal static class DemoCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = $"Addresses the gateway listens on (ASP.NET Core convention). Defaults to {ServeCommand.DefaultUrls}.", DefaultValueFactory = _ => ServeCommand.DefaultUrls };
        var command = new Command("demo", "Run the quickstart: gateway, embedded PDP, a demo API and a development token issuer on loopback.")
        {
            urls,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(urls)!, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string urls, CancellationToken cancellation)
    {
        using var workspace = DemoWorkspace.Extract(typeof(DemoCommand).Assembly);
        var directory = EntityDirectoryLoader.Load(workspace.DirectoryPath);
        if (directory.Directory is null)
        {
            foreach (var diagnostic in directory.Diagnostics) await Console.Error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            return 1;
        }

        var issuerOptions = new DevTokenIssuerOptions { Users = DemoUsers.Parse(await File.ReadAllTextAsync(workspace.UsersPath, cancellation).ConfigureAwait(false)) };
        await using var issuer = await DevTokenIssuer.StartAsync(issuerOptions, cancellation).ConfigureAwait(false);
        await using var upstream = await DemoUpstream.StartAsync(DemoDocument.FromDirectory(directory.Directory), cancellation).ConfigureAwait(false);

        var configPath = workspace.WriteConfig(issuer.Issuer, upstream.BaseAddress);
        var loaded = GatewayConfigLoader.LoadFile(configPath);
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Problems) await Console.Error.WriteLineAsync($"portcullis.yaml:{problem}").ConfigureAwait(false);
            return 1;
        }

        var builder = WebHostSetup.CreateBuilder(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGateway(loaded.Config!);
        await using var app = builder.Build();
        if (!await WebHostSetup.TryLoadEmbeddedPdpAsync(app, "demo gateway").ConfigureAwait(false)) return 1;
        app.MapGateway();
        if (!await WebHostSetup.TryStartAsync(app, urls, cancellation).ConfigureAwait(false)) return 1;

        var gateway = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await Console.Out.WriteAsync(DemoBanner.Format(gateway, issuer, upstream.BaseAddress, configPath)).ConfigureAwait(false);
        await Console.Out.FlushAsync(cancellation).ConfigureAwait(false);

        await app.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }
}
