using System.Globalization;
using System.Text.Json;
using Portcullis.Cel;

namespace Portcullis.Gateway.Mapping;

/// <summary>Produces mapping values for one request: literals, claim paths and expressions (errors as values).</summary>
internal sealed class MappingEvaluator
{
    private readonly JsonElement _claims;
    private readonly CallerClaims? _caller;
    private readonly RequestFacts? _facts;
    private ICelActivation? _activation;

    /// <summary>Creates an evaluator for a REST request: expressions see <c>token</c> and <c>request</c>.</summary>
    public MappingEvaluator(CallerClaims caller, RequestFacts facts)
    {
        _claims = caller.Claims;
        _caller = caller;
        _facts = facts;
    }

    /// <summary>Creates an evaluator whose expressions see the variables of <paramref name="activation"/> (COAZ-MCP:
    /// <c>params</c> and <c>token</c>) and whose claim paths read <paramref name="claims"/>.</summary>
    public MappingEvaluator(JsonElement claims, ICelActivation activation)
    {
        _claims = claims;
        _activation = activation;
    }

    /// <summary>Evaluates <paramref name="value"/>; false with a message (naming no claim values) when it fails.</summary>
    public bool TryEvaluate(MappingValue value, string path, out MappedValue result, out string error)
    {
        error = "";
        switch (value.Kind)
        {
            case MappingValueKind.Literal:
                result = value.Literal is { } literal ? MappedValue.FromJson(literal) : MappedValue.Absent;
                return true;
            case MappingValueKind.Claim:
                result = ResolveClaim(_claims, value.ClaimPath);
                return true;
            default:
                var outcome = value.Expression!.Evaluate(_activation ??= new MappingActivation(_caller!, _facts!));
                if (outcome.IsError)
                {
                    result = MappedValue.Absent;
                    error = $"expression {value.Source} failed: {outcome.AsError.Message}";
                    return false;
                }
                result = MappedValue.FromCel(outcome);
                return true;
        }
    }

    /// <summary>Follows <paramref name="path"/> through objects (by name) and arrays (by index); absent when any step is missing.</summary>
    private static MappedValue ResolveClaim(JsonElement claims, IReadOnlyList<string> path)
    {
        var current = claims;
        foreach (var segment in path)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next)) current = next;
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else return MappedValue.Absent;
        }
        return MappedValue.FromJson(current);
    }
}
