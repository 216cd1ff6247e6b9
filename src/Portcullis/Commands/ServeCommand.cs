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

/// <summary><c>portcullis serve --config FILE [--urls URL] [--h2c-urls URL]</c>: the gateway (authentication, AuthZEN
/// decision, proxy). The configuration file is watched and reloaded when it changes.</summary>
internal static class ServeCommand
{
    /// <summary>The gateway's default listen address (loopback only).</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The gateway configuration (portcullis.yaml).", Required = true };
        var urls = new Option<string>("--urls") { Description = $"Addresses to listen on (ASP.NET Core convention). Defaults to {DefaultUrls}.", DefaultValueFactory = _ => DefaultUrls };
        var h2cUrls = new Option<string?>("--h2c-urls") { Description = "More addresses that speak HTTP/2 without TLS (h2c, prior knowledge) only, e.g. http://127.0.0.1:8081. Defaults to none." };
        var command = new Command("serve", "Run the gateway: authenticate, ask the PDP through AuthZEN, forward what is allowed.")
        {
            config,
            urls,
            h2cUrls,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(config)!, parse.GetValue(urls)!, parse.GetValue(h2cUrls), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string urls, string? h2cUrls, CancellationToken cancellation)
    {
        var loaded = GatewayConfigLoader.LoadFile(file.FullName);
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Problems) await Console.Error.WriteLineAsync($"{file.Name}:{problem}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"error: the gateway did not start: {loaded.Problems.Count} problem(s) in {file.Name}").ConfigureAwait(false);
            return 1;
        }

        WebApplicationBuilder builder;
        try
        {
            builder = WebHostSetup.CreateBuilder(urls, h2cUrls);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        builder.Services.AddGateway(loaded.Config!);
        await using var app = builder.Build();
        if (!await WebHostSetup.TryLoadEmbeddedPdpAsync(app, "gateway").ConfigureAwait(false)) return 1;
        app.MapGateway();
        if (!await WebHostSetup.TryStartAsync(app, urls, cancellation).ConfigureAwait(false)) return 1;
        await app.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
        return 0;
    }
}
