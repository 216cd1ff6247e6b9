namespace Portcullis.Gateway.Mapping;

/// <summary>How the AuthZEN resource is built. Omitted parts follow the REST gateway profile.</summary>
public sealed record ResourceMappingConfig
{
    /// <summary>Gets the resource type. Defaults to the literal <c>route</c>.</summary>
    public MappingValue? Type { get; init; }

    /// <summary>Gets the resource id. Defaults to the matched route template, e.g. <c>/todos/{todoId}</c>.</summary>
    public MappingValue? Id { get; init; }

    /// <summary>Gets the configured resource properties, written before the included ones. Defaults to none.</summary>
    public IReadOnlyList<PropertyMapping> Properties { get; init; } = [];

    /// <summary>Gets a value indicating whether the route parameters are added as property <c>params</c> (an object of
    /// strings). Defaults to false.</summary>
    public bool IncludeParams { get; init; }

    /// <summary>Gets a value indicating whether the request host is added as property <c>host</c>. Defaults to false.</summary>
    public bool IncludeHost { get; init; }

    /// <summary>Gets a value indicating whether the query is added as property <c>query</c> (an object whose values are
    /// lists of strings, every occurrence in order). Defaults to false.</summary>
    public bool IncludeQuery { get; init; }
}
