using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Hosting;
using Portcullis.Pdp.Service;

namespace Portcullis.Commands;

/// <summary>What the long-running commands (<c>pdp</c>, <c>serve</c>) share: the web host and the early PDP load.</summary>
internal static class WebHostSetup
{
    /// <summary>Creates a slim web host listening on <paramref name="urls"/> (and on <paramref name="h2cUrls"/> with
    /// HTTP/2 only), with per-request framework logs off (they would cost more than a decision); start-up, reload and
    /// errors still log.</summary>
    /// <exception cref="FormatException">An h2c address is not <c>http://host:port</c>.</exception>
    public static WebApplicationBuilder CreateBuilder(string urls, string? h2cUrls = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseGatewayUrls(urls, h2cUrls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        return builder;
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
