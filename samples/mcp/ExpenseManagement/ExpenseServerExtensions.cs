using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace ExpenseManagement;

/// <summary>Hosts the Expense Management MCP server in any ASP.NET Core application: <see cref="AddExpenseServer"/>
/// registers the MCP server with its three tools, <see cref="MapExpenseServer"/> serves it over Streamable HTTP.</summary>
public static class ExpenseServerExtensions
{
    /// <summary>The server's name in the <c>initialize</c> result (<c>serverInfo.name</c>).</summary>
    public const string ServerName = "expense-server";

    /// <summary>The path the server is mapped at unless told otherwise.</summary>
    public const string DefaultPattern = "/mcp";

    /// <summary>Registers the MCP server (name <see cref="ServerName"/>, the Streamable HTTP transport) with the tools
    /// of <see cref="ExpenseTools"/>, each declaring its AuthZEN mapping.</summary>
    public static IServiceCollection AddExpenseServer(this IServiceCollection services, Action<ExpenseServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ExpenseServerOptions();
        configure?.Invoke(options);
        services.AddSingleton(options.Book);
        services
            .AddMcpServer(server => server.ServerInfo = new Implementation { Name = ServerName, Version = "1.0.0" })
            .WithHttpTransport(transport => transport.Stateless = options.Stateless)
            .WithTools(new ExpenseTools(options.Book).Create());
        return services;
    }

    /// <summary>Serves the server registered by <see cref="AddExpenseServer"/> at <paramref name="pattern"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="AddExpenseServer"/> was not called.</exception>
    public static IEndpointConventionBuilder MapExpenseServer(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<ExpenseBook>() is null)
        {
            throw new InvalidOperationException("Call services.AddExpenseServer() before endpoints.MapExpenseServer().");
        }
        return endpoints.MapMcp(pattern);
    }
}
