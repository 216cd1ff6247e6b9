using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen.Server;
using Portcullis.Pdp.Service;

namespace Portcullis.Commands;

/// <summary><c>portcullis pdp --policies DIR [--directory DIR] [--urls URL]</c>: the embedded PDP alone, serving AuthZEN 1.0.</summary>
internal static class PdpCommand
{
    /// <summary>The PDP's default listen address (loopback only).</summary>
    public const string DefaultUrls = "http://127.0.0.1:8181";

    public static Command Create()
    {
        var policies = new Option<DirectoryInfo>("--policies") { Description = "Folder of policy files (Cerbos format, YAML or JSON).", Required = true };
        var directory = new Option<DirectoryInfo?>("--directory") { Description = "Folder of directory (entity) files: subjects and resources with roles and properties." };
        var urls = new Option<string>("--urls") { Description = $"Addresses to listen on (ASP.NET Core convention). Defaults to {DefaultUrls}.", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("pdp", "Run the embedded Policy Decision Point, serving the OpenID AuthZEN 1.0 API.")
        {
            policies,
            directory,
            urls,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(policies)!, parse.GetValue(directory), parse.GetValue(urls)!, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo policies, DirectoryInfo? directory, string urls, CancellationToken cancellation)
    {
        var builder = WebHostSetup.CreateBuilder(urls);
        builder.Services.AddEmbeddedPdp(options =>
        {
            options.PoliciesPath = policies.FullName;
            options.DirectoryPath = directory?.FullName;
        });
        builder.Services.AddAuthZenServer();
        await using var app = builder.Build();
        if (!await WebHostSetup.TryLoadEmbeddedPdpAsync(app, "PDP").ConfigureAwait(false)) return 1;
        app.MapAuthZen();
        if (!await WebHostSetup.TryStartAsync(app, urls, cancellation).ConfigureAwait(false)) return 1;
        await app.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
        return 0;
    }
}
