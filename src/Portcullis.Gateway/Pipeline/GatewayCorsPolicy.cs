using Microsoft.AspNetCore.Cors.Infrastructure;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Turns a route's <see cref="CorsConfig"/> into ASP.NET Core's <see cref="CorsPolicy"/>, which
/// <see cref="ICorsService"/> evaluates.</summary>
internal static class GatewayCorsPolicy
{
    /// <summary>Returns the policy; methods default to the route's methods, or any when the route matches every method.</summary>
    public static CorsPolicy From(CorsConfig cors, IReadOnlyList<string> routeMethods)
    {
        var builder = new CorsPolicyBuilder();
        if (cors.AllowedOrigins.Contains("*")) builder.AllowAnyOrigin();
        else builder.WithOrigins([.. cors.AllowedOrigins]);

        var methods = cors.AllowedMethods.Count > 0 ? cors.AllowedMethods : routeMethods;
        if (methods.Count == 0 || methods.Contains("*")) builder.AllowAnyMethod();
        else builder.WithMethods([.. methods]);

        if (cors.AllowedHeaders.Contains("*")) builder.AllowAnyHeader();
        else builder.WithHeaders([.. cors.AllowedHeaders]);

        builder.WithExposedHeaders([.. cors.ExposedHeaders]);
        if (cors.AllowCredentials) builder.AllowCredentials();
        builder.SetPreflightMaxAge(cors.MaxAge);
        return builder.Build();
    }
}
