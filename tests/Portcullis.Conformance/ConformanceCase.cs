using System.Text.Json;

namespace Portcullis.Conformance;

/// <summary>One test of the CEL conformance suite.</summary>
/// <param name="Id">The case id, <c>suite/section/name</c> (a repeated name gets <c>@2</c>, <c>@3</c>, ...).</param>
/// <param name="Suite">The top-level file name, e.g. <c>string_ext</c>.</param>
/// <param name="Section">The section path below the suite.</param>
/// <param name="Name">The test's name.</param>
/// <param name="Original">The test as written in the suite, in protobuf-JSON form.</param>
internal sealed record ConformanceCase(string Id, string Suite, string Section, string Name, JsonElement Original)
{
    /// <summary>Gets the expression text.</summary>
    public string Expr => Original.GetProperty("expr").GetString() ?? "";

    /// <summary>Gets the container (namespace) the expression is compiled in, or an empty string.</summary>
    public string Container => Original.TryGetProperty("container", out var c) ? c.GetString() ?? "" : "";

    /// <summary>Gets a value indicating whether the case runs without type checking, where an unknown function is
    /// an evaluation error rather than a compile error.</summary>
    public bool DisableCheck => Original.TryGetProperty("disableCheck", out var c) && c.ValueKind == JsonValueKind.True;

    /// <summary>Gets a value indicating whether the case only checks types (needs a type checker to pass).</summary>
    public bool CheckOnly => Original.TryGetProperty("checkOnly", out var c) && c.ValueKind == JsonValueKind.True;

    /// <summary>Gets a value indicating whether the case expects an evaluation error.</summary>
    public bool ExpectsError => Original.TryGetProperty("evalError", out _) || Original.TryGetProperty("anyEvalErrors", out _);

    /// <summary>Gets the expected value in protobuf-JSON form (<c>value</c> or <c>typedResult.result</c>), if any.</summary>
    public JsonElement? ExpectedValue
    {
        get
        {
            if (Original.TryGetProperty("value", out var value)) return value;
            if (Original.TryGetProperty("typedResult", out var typed) && typed.TryGetProperty("result", out var result)) return result;
            return null;
        }
    }

    /// <summary>Gets the variable bindings (name to <c>{value: ...}</c>), if any.</summary>
    public JsonElement? Bindings => Original.TryGetProperty("bindings", out var b) ? b : null;

    /// <summary>Gets a JSON property as raw text, or an empty string when absent.</summary>
    public string RawText(string property) => Original.TryGetProperty(property, out var p) ? p.GetRawText() : "";

    /// <inheritdoc />
    public override string ToString() => Id;
}
