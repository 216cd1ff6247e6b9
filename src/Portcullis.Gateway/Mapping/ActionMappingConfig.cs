namespace Portcullis.Gateway.Mapping;

/// <summary>How the AuthZEN action is built. Omitted parts follow the REST gateway profile.</summary>
public sealed record ActionMappingConfig
{
    /// <summary>Gets the action name. Defaults to the HTTP method, upper case (<c>DELETE</c>).</summary>
    public MappingValue? Name { get; init; }

    /// <summary>Gets the action properties. Defaults to none.</summary>
    public IReadOnlyList<PropertyMapping> Properties { get; init; } = [];
}
