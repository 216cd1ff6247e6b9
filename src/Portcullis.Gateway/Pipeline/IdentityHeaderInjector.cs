using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Sets the configured identity headers (<c>identity_headers.inject</c>) from the verified caller before forwarding.</summary>
/// <remarks>Values are resolved like the AuthZEN mapping (<c>claim::path</c>, literal, <c>$</c> CEL over <c>token</c> and
/// <c>request</c>). A string is sent as is; a number or boolean as its JSON text; a list of those joined with <c>,</c>.
/// An absent value sets nothing. An object, a nested list, a failing expression, or text that is not a single line of
/// visible ASCII (at most <see cref="MaxLength"/> characters) sets nothing and logs a warning naming only the header:
/// no CR/LF or other control character can reach the upstream, and no claim value reaches the log.</remarks>
internal static class IdentityHeaderInjector
{
    /// <summary>The longest header value set, in characters.</summary>
    public const int MaxLength = 4096;

    public static void Inject(HttpContext context, GatewayFeature feature, IReadOnlyDictionary<string, MappingValue> inject, ILogger logger)
    {
        var caller = CallerClaimsCache.For(feature.Caller!);
        var evaluator = new MappingEvaluator(caller, feature.Facts ?? GatewayRequestFacts.From(context, feature));
        var headers = context.Request.Headers;
        foreach (var (name, value) in inject)
        {
            if (!evaluator.TryEvaluate(value, name, out var mapped, out var error))
            {
                GatewayLog.IdentityHeaderFailed(logger, feature.RequestId, name, error);
                continue;
            }
            if (!mapped.IsPresent) continue;
            if (mapped.AsHeaderText() is { } text && IsSafe(text))
            {
                if (text.Length > 0) headers[name] = text;
            }
            else GatewayLog.IdentityHeaderSkipped(logger, feature.RequestId, name);
        }
    }

    private static bool IsSafe(string text)
    {
        if (text.Length > MaxLength) return false;
        foreach (var c in text)
        {
            if (c is < ' ' or > '~') return false;
        }
        return true;
    }
}
