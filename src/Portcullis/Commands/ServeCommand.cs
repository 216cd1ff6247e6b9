using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Pipeline;
using Portcullis.Pdp.Service;

namespace Portcullis.Commands;

/// <summary><c>portcullis serve --config FILE [--urls URL]</c>: the gateway (authentication, AuthZEN decision, proxy).</summary>
internal static class ServeCommand
{
    /// <summary>The gateway's default listen address (loopback only).</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The gateway configuration (portcullis.yaml).", Required = true };
        var urls = new Option<string>("--urls") { Description = $"Addresses to listen on (ASP.NET Core convention). Defaults to {DefaultUrls}.", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("serve", "Run the gateway: authenticate, ask the PDP through AuthZEN, forward what is allowed.")
        {
            config,
            urls,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(config)!, parse.GetValue(urls)!, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string urls, CancellationToken cancellation)
    {
        var loaded = GatewayConfigLoader.LoadFile(file.FullName);
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Problems) await Console.Error.WriteLineAsync($"{file.Name}:{problem}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"error: the gateway did not start: {loaded.Problems.Count} problem(s) in {file.Name}").ConfigureAwait(false);
            return 1;
        }

        var builder = WebHostSetup.CreateBuilder(urls);
        builder.Services.AddGateway(loaded.Config!);
        await using var app = builder.Build();
        if (!await WebHostSetup.TryLoadEmbeddedPdpAsync(app, "gateway").ConfigureAwait(false)) return 1;
        app.MapGateway();
        await app.RunAsync(cancellation).ConfigureAwait(false);
        return 0;
    }
}
