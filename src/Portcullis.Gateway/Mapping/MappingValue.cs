using System.Text.Json;
using Portcullis.Cel;

namespace Portcullis.Gateway.Mapping;

/// <summary>One configured value of the AuthZEN mapping: a literal, a claim path or a compiled CEL expression.</summary>
/// <remarks>Written in configuration as a string: <c>claim::a.b.c</c> is a claim path, <c>$expr</c> a CEL expression,
/// <c>$$text</c> the literal <c>$text</c>, anything else (including numbers, booleans, lists and objects) a literal.</remarks>
public sealed record MappingValue
{
    /// <summary>Gets how the value is produced.</summary>
    public required MappingValueKind Kind { get; init; }

    /// <summary>Gets the value as written in configuration (for messages and records).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the constant value when <see cref="Kind"/> is <see cref="MappingValueKind.Literal"/>.</summary>
    public JsonElement? Literal { get; init; }

    /// <summary>Gets the claim path segments when <see cref="Kind"/> is <see cref="MappingValueKind.Claim"/>.</summary>
    public IReadOnlyList<string> ClaimPath { get; init; } = [];

    /// <summary>Gets the compiled expression when <see cref="Kind"/> is <see cref="MappingValueKind.Expression"/>.</summary>
    public CelProgram? Expression { get; init; }

    /// <summary>Creates a literal string value.</summary>
    public static MappingValue Text(string text) =>
        new() { Kind = MappingValueKind.Literal, Source = text, Literal = JsonValues.String(text) };

    /// <summary>Creates a claim path value, e.g. <c>Claim("realm_access", "roles")</c>.</summary>
    public static MappingValue Claim(params string[] path) =>
        new() { Kind = MappingValueKind.Claim, Source = "claim::" + string.Join('.', path), ClaimPath = path };
}
