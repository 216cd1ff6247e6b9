using System.Runtime.CompilerServices;

namespace Portcullis.Gateway.Mapping;

/// <summary>Says whether a mapping can read the request's details — route parameters, query and headers — so the
/// gateway copies them into the <see cref="RequestFacts"/> only when something may use them.</summary>
/// <remarks>Conservative: any <c>$</c> expression may read <c>request</c>, so one is enough; so are
/// <c>include_params</c> and <c>include_query</c>. Claim paths and literals never read the request.</remarks>
internal static class RequestDetailReads
{
    private static readonly ConditionalWeakTable<AuthZenMappingConfig, StrongBox<bool>> ByMapping = [];

    /// <summary>Returns whether <paramref name="mapping"/> can read the request's details (computed once per mapping).</summary>
    public static bool Of(AuthZenMappingConfig mapping) =>
        ByMapping.GetValue(mapping, static m => new StrongBox<bool>(Reads(m))).Value;

    /// <summary>Returns whether any of <paramref name="values"/> is an expression.</summary>
    public static bool AnyExpression(IEnumerable<MappingValue> values)
    {
        foreach (var value in values)
        {
            if (value.Kind == MappingValueKind.Expression) return true;
        }
        return false;
    }

    private static bool Reads(AuthZenMappingConfig m) =>
        m.Resource.IncludeParams || m.Resource.IncludeQuery
        || IsExpression(m.Subject.Type) || IsExpression(m.Subject.Id) || AnyExpression(m.Subject.Properties)
        || IsExpression(m.Resource.Type) || IsExpression(m.Resource.Id) || AnyExpression(m.Resource.Properties)
        || IsExpression(m.Action.Name) || AnyExpression(m.Action.Properties)
        || AnyExpression(m.Context);

    private static bool IsExpression(MappingValue? value) => value?.Kind == MappingValueKind.Expression;

    private static bool AnyExpression(IReadOnlyList<PropertyMapping> properties)
    {
        foreach (var property in properties)
        {
            if (property.Value.Kind == MappingValueKind.Expression) return true;
        }
        return false;
    }
}
