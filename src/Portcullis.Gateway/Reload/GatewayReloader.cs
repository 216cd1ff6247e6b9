using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mapping;
using Portcullis.Gateway.Pipeline;
using Yarp.ReverseProxy.Configuration;

namespace Portcullis.Gateway.Reload;

/// <summary>Puts a new, already valid configuration in force without dropping traffic: the route table, the
/// authenticator (when the issuers changed) and YARP's routes and clusters are swapped; requests already in flight
/// finish with what they started with.</summary>
internal sealed class GatewayReloader(
    GatewayServices services,
    GatewayRouteTable table,
    InMemoryConfigProvider proxy,
    IConfigValidator validator,
    IServiceProvider provider,
    ILogger<GatewayReloader> logger)
{
    /// <summary>Applies <paramref name="next"/>, or logs each reason it cannot be applied (at Warning) and keeps the
    /// configuration in force. Calls must not overlap.</summary>
    public async Task<bool> TryApplyAsync(GatewayConfig next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var file = next.SourcePath ?? "(configuration)";
        var problems = await ProblemsAsync(next).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ReloadLog.Problem(logger, file, problem);
            ReloadLog.Rejected(logger, problems.Count, file);
            return false;
        }

        var previousConfig = services.Config;
        if (previousConfig.PoliciesPath != next.PoliciesPath || previousConfig.DirectoryPath != next.DirectoryPath)
            ReloadLog.PdpFoldersNeedRestart(logger, file, previousConfig.PoliciesPath ?? "(none)");

        // Order matters: the authenticator is swapped before the new routes are published, so a request holding the
        // new generation never sees the old authenticator, whose resources go with the old generation.
        var nextSet = table.Build(next);
        var previousAuthenticator = services.Replace(next);
        var previousSet = table.Publish(nextSet);
        proxy.Update(GatewayProxyConfig.Routes(next, nextSet.Generation), GatewayProxyConfig.Clusters(next));
        table.Retire(previousSet, previousAuthenticator);
        ReloadLog.Reloaded(logger, next.Routes.Count, file);
        return true;
    }

    /// <summary>What only a restart could put in force, and what YARP would refuse (e.g. a route template it cannot parse).</summary>
    private async Task<List<MappingProblem>> ProblemsAsync(GatewayConfig next)
    {
        var problems = new List<MappingProblem>();
        var embeddedRunning = provider.GetService<IAuthZenPdp>() is not null;
        var routes = GatewayProxyConfig.Routes(next, table.Current.Generation + 1);
        var clusters = GatewayProxyConfig.Clusters(next);
        for (var i = 0; i < next.Routes.Count; i++)
        {
            var route = next.Routes[i];
            if (!route.Anonymous && route.AuthZen.Pdp.IsEmbedded && !embeddedRunning)
                problems.Add(new MappingProblem($"routes[{i}]", $"route '{route.Id}' uses the embedded PDP, which only starts when 'pdp.policies' is set at start-up; restart the gateway"));
            foreach (var error in await validator.ValidateRouteAsync(routes[i]).ConfigureAwait(false))
                problems.Add(new MappingProblem($"routes[{i}]", error.Message));
            foreach (var error in await validator.ValidateClusterAsync(clusters[i]).ConfigureAwait(false))
                problems.Add(new MappingProblem($"routes[{i}]", error.Message));
        }
        return problems;
    }
}
