namespace Portcullis.Gateway.Mapping;

/// <summary>How the AuthZEN subject is built. Omitted parts follow the REST gateway profile.</summary>
public sealed record SubjectMappingConfig
{
    /// <summary>Gets the subject type. Defaults to the literal <c>identity</c>.</summary>
    public MappingValue? Type { get; init; }

    /// <summary>Gets the subject id. Defaults to the token's <c>sub</c>; a missing id fails the mapping.</summary>
    public MappingValue? Id { get; init; }

    /// <summary>Gets the subject properties, in the order they are written to the request. Defaults to none.</summary>
    public IReadOnlyList<PropertyMapping> Properties { get; init; } = [];
}
