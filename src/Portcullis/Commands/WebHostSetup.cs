using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Portcullis.Gateway.Hosting;
using Portcullis.Pdp.Service;

namespace Portcullis.Commands;

/// <summary>What the long-running commands (<c>pdp</c>, <c>serve</c>) share: the web host and the early PDP load.</summary>
internal static class WebHostSetup
{
    /// <summary>Creates a slim web host listening on <paramref name="urls"/> (and on <paramref name="h2cUrls"/> with
    /// HTTP/2 only), with per-request framework logs off (they would cost more than a decision); start-up, reload and
    /// errors still log, to standard error (standard output carries the gateway's decision records). The content root is
    /// the program's folder and configuration files are not watched: ASP.NET Core would otherwise watch the working
    /// directory recursively and wake on every file written below it (the gateway watches its own configuration file).</summary>
    /// <exception cref="FormatException">An h2c address is not <c>http://host:port</c>.</exception>
    public static WebApplicationBuilder CreateBuilder(string urls, string? h2cUrls = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseGatewayUrls(urls, h2cUrls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        // A start-up failure is reported once, plainly, by TryStartAsync; the host's own log of it carries a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }

    /// <summary>Starts <paramref name="app"/>; when an address cannot be listened on (in use, not allowed), prints one
    /// clear line on stderr and returns false.</summary>
    public static async Task<bool> TryStartAsync(WebApplication app, string urls, CancellationToken cancellation)
    {
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
            return true;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"error: cannot listen on {urls}: {e.Message}").ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Loads the embedded PDP (when registered) before the host starts, so policy and directory problems are
    /// listed on stderr instead of being thrown with a stack trace. Returns false when there were problems.</summary>
    public static async Task<bool> TryLoadEmbeddedPdpAsync(WebApplication app, string what)
    {
        try
        {
            _ = app.Services.GetService<PdpHost>();
            return true;
        }
        catch (PdpLoadException ex)
        {
            foreach (var diagnostic in ex.Diagnostics) await Console.Error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"error: the {what} did not start: {ex.Diagnostics.Count} problem(s) in its policies or directory").ConfigureAwait(false);
            return false;
        }
    }
}
