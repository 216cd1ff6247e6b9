using Yarp.ReverseProxy.Configuration;

// Bare YARP: forwards every request to --upstream. No authentication, no decision: the floor Portcullis is compared with.
// Usage: dotnet BareYarp.dll --urls http://127.0.0.1:PORT --upstream http://127.0.0.1:UPSTREAM_PORT
var builder = WebApplication.CreateSlimBuilder(args);
if (!Uri.TryCreate(builder.Configuration["upstream"], UriKind.Absolute, out var upstream))
{
    Console.Error.WriteLine("usage: BareYarp --urls http://127.0.0.1:PORT --upstream http://127.0.0.1:PORT");
    return 2;
}

// The same log filters as `portcullis serve` (WebHostSetup): no per-request framework logs.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("Yarp", LogLevel.Warning);
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "/{**catch-all}" } }],
    [new ClusterConfig
    {
        ClusterId = "upstream",
        Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal)
        {
            ["upstream"] = new DestinationConfig { Address = upstream.AbsoluteUri },
        },
    }]);

var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync().ConfigureAwait(false);
return 0;
