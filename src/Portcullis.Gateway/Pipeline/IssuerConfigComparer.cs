using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Compares issuer lists by value (records compare their lists by reference, which a re-read file never matches).</summary>
internal static class IssuerConfigComparer
{
    private static readonly string[] NoTexts = [];

    public static bool Same(IReadOnlyList<JwtIssuerConfig> left, IReadOnlyList<JwtIssuerConfig> right) =>
        left.Count == right.Count && left.Zip(right).All(pair => Same(pair.First, pair.Second));

    private static bool Same(JwtIssuerConfig left, JwtIssuerConfig right) =>
        left.Audiences.SequenceEqual(right.Audiences, StringComparer.Ordinal)
        && left.AllowedAlgorithms.SequenceEqual(right.AllowedAlgorithms, StringComparer.Ordinal)
        && left with { Audiences = NoTexts, AllowedAlgorithms = NoTexts } == right with { Audiences = NoTexts, AllowedAlgorithms = NoTexts };
}
