namespace Portcullis.Gateway.Mapping;

/// <summary>One property of a subject, resource, action or context: its key and how its value is produced.</summary>
/// <param name="Key">The property name in the AuthZEN request.</param>
/// <param name="Value">How the value is produced; a value that is absent at request time leaves the property out.</param>
public sealed record PropertyMapping(string Key, MappingValue Value);
