using System.Text.Json;
using Portcullis.Cel;

namespace Portcullis.Gateway.Mapping;

/// <summary>Reads one configured value (<c>claim::a.b</c>, <c>$expr</c>, <c>$$literal</c> or a literal), compiling
/// expressions once and reporting problems instead of throwing.</summary>
internal static class MappingValueParser
{
    private const string ClaimPrefix = "claim::";

    /// <summary>Returns the value at <paramref name="element"/>, or null after recording a problem.</summary>
    public static MappingValue? Parse(JsonElement element, string path, bool requireString, MappingProblemList problems, CelOptions options)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            if (requireString)
            {
                problems.Add(path, $"must be a string (a literal, claim::path or $expression), not {Describe(element)}");
                return null;
            }
            return new MappingValue { Kind = MappingValueKind.Literal, Source = element.GetRawText(), Literal = element.Clone() };
        }
        return ParseText(element.GetString()!, path, problems, options);
    }

    /// <summary>Returns the value written as <paramref name="text"/>, or null after recording a problem.</summary>
    public static MappingValue? ParseText(string text, string path, MappingProblemList problems, CelOptions options)
    {
        if (text.StartsWith('$')) return ParseDollar(text, path, problems, options);
        if (text.StartsWith(ClaimPrefix, StringComparison.Ordinal)) return ParseClaim(text, text[ClaimPrefix.Length..], path, problems);
        if (text.StartsWith("claim:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("claims:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(path, "unknown claim syntax (write claim::name or claim::a.b.c; a literal starting with \"claim:\" is written $\"claim:...\")");
            return null;
        }
        return MappingValue.Text(text);
    }

    /// <summary>Returns the value of a text starting with <c>$</c>: <c>$$text</c> is the literal <c>$text</c>,
    /// <c>$expr</c> a compiled CEL expression; null after recording a problem.</summary>
    /// <remarks>The COAZ framework's literal/expression rule, shared by the REST mapping and COAZ-MCP.</remarks>
    public static MappingValue? ParseDollar(string text, string path, MappingProblemList problems, CelOptions options) =>
        text.StartsWith("$$", StringComparison.Ordinal)
            ? MappingValue.Text(text[1..]) with { Source = text }
            : ParseExpression(text, path, problems, options);

    /// <summary>Returns a claim path given without its <c>claim::</c> prefix (the seeds' <c>"claim": "a.b"</c> form).</summary>
    public static MappingValue? ParseBareClaim(string text, string path, MappingProblemList problems) =>
        text.StartsWith(ClaimPrefix, StringComparison.Ordinal)
            ? ParseClaim(text, text[ClaimPrefix.Length..], path, problems)
            : ParseClaim(ClaimPrefix + text, text, path, problems);

    private static MappingValue? ParseClaim(string source, string dotted, string path, MappingProblemList problems)
    {
        var segments = dotted.Split('.');
        if (segments.Any(s => s.Length == 0 || s.Trim().Length != s.Length))
        {
            problems.Add(path, "unknown claim syntax: a claim path is names separated by single dots, e.g. claim::realm_access.roles");
            return null;
        }
        return new MappingValue { Kind = MappingValueKind.Claim, Source = source, ClaimPath = segments };
    }

    private static MappingValue? ParseExpression(string text, string path, MappingProblemList problems, CelOptions options)
    {
        var source = text[1..];
        if (string.IsNullOrWhiteSpace(source))
        {
            problems.Add(path, "empty expression after '$' (write $$ for a literal dollar sign)");
            return null;
        }
        try
        {
            var program = CelProgram.Compile(source, options);
            return new MappingValue { Kind = MappingValueKind.Expression, Source = text, Expression = program };
        }
        catch (CelCompileException e)
        {
            var details = e.Diagnostics.Count > 0 ? string.Join("; ", e.Diagnostics) : e.Message;
            problems.Add(path, $"invalid expression: {details}");
            return null;
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
