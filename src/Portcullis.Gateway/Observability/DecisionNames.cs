using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Observability;

/// <summary>The <c>decision</c> word of a record: <c>allow</c>, <c>deny</c>, <c>unauthenticated</c>, <c>unavailable</c>,
/// <c>anonymous</c>, <c>no_route</c>, <c>error</c> (a matched request no stage decided, e.g. a stage threw), or the
/// lower-case name of any other <see cref="GatewayOutcome"/>.</summary>
internal static class DecisionNames
{
    public const string NoRoute = "no_route";

    public const string Error = "error";

    // Indexed by the outcome's value, built once, so naming a decision never allocates.
    private static readonly string[] ByOutcome = Build();

    public static string Of(GatewayFeature feature)
    {
        if (feature.Route is null) return NoRoute;
        var index = (int)feature.Outcome;
        if (feature.Outcome == GatewayOutcome.None || (uint)index >= (uint)ByOutcome.Length) return Error;
        return ByOutcome[index];
    }

    private static string[] Build()
    {
        var values = Enum.GetValues<GatewayOutcome>();
        var names = new string[values.Max(v => (int)v) + 1];
        foreach (var value in values)
        {
            names[(int)value] = value switch
            {
                GatewayOutcome.Allowed => "allow",
                GatewayOutcome.Denied => "deny",
                _ => value.ToString().ToLowerInvariant(),
            };
        }
        return names;
    }
}
