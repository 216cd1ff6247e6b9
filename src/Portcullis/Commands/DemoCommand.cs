using System.CommandLine;
using ExpenseManagement;
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
/// in front of a documents API and the Expense Management MCP server, with a development token issuer, all on loopback;
/// prints curl commands with ready tokens.</summary>
/// <remarks>The demo files (samples/demo, embedded in this assembly) are written to a temporary folder deleted on exit and
/// loaded exactly as <c>serve</c> loads a configuration. The gateway's address is settled first (a port 0 becomes a free
/// port), because the MCP route's resource identifier, which the tokens name in <c>aud</c>, is that address.</remarks>
internal static class DemoCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = $"Addresses the gateway listens on (ASP.NET Core convention). Defaults to {ServeCommand.DefaultUrls}.", DefaultValueFactory = _ => ServeCommand.DefaultUrls };
        var command = new Command("demo", "Run the quickstart: gateway, embedded PDP, a demo API, an MCP server and a development token issuer on loopback.")
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

        DemoGatewayAddress address;
        try
        {
            address = DemoGatewayAddress.Resolve(urls);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"error: --urls: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var issuerOptions = new DevTokenIssuerOptions
        {
            Users = DemoUsers.Parse(await File.ReadAllTextAsync(workspace.UsersPath, cancellation).ConfigureAwait(false)),
            Resources = [address.McpResource.AbsoluteUri],
        };
        await using var issuer = await DevTokenIssuer.StartAsync(issuerOptions, cancellation).ConfigureAwait(false);
        await using var upstream = await DemoUpstream.StartAsync(DemoDocument.FromDirectory(directory.Directory), cancellation).ConfigureAwait(false);
        await using var expenses = await LoopbackApp.StartAsync(
            services => services.AddExpenseServer(options => options.Stateless = true),
            endpoints => endpoints.MapExpenseServer(),
            cancellation).ConfigureAwait(false);

        var configPath = workspace.WriteConfig(issuer.Issuer, upstream.BaseAddress, expenses.BaseAddress, address.BaseAddress);
        var loaded = GatewayConfigLoader.LoadFile(configPath);
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Problems) await Console.Error.WriteLineAsync($"portcullis.yaml:{problem}").ConfigureAwait(false);
            return 1;
        }

        var builder = WebHostSetup.CreateBuilder(address.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGateway(loaded.Config!);
        await using var app = builder.Build();
        if (!await WebHostSetup.TryLoadEmbeddedPdpAsync(app, "demo gateway").ConfigureAwait(false)) return 1;
        app.MapGateway();
        if (!await WebHostSetup.TryStartAsync(app, address.Urls, cancellation).ConfigureAwait(false)) return 1;

        var gateway = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await Console.Out.WriteAsync(DemoBanner.Format(gateway, issuer, upstream.BaseAddress, expenses.BaseAddress, address.McpResource, configPath)).ConfigureAwait(false);
        await Console.Out.FlushAsync(cancellation).ConfigureAwait(false);

        await app.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }
}
