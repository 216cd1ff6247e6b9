using Portcullis.Cel;
using Portcullis.Cel.Values;

namespace Portcullis.Gateway.Mapping;

/// <summary>The variables of mapping expressions: <c>token</c> (the claims) and <c>request</c> (method, path, route,
/// params, headers, query, host, ip), the latter built only when an expression reads it, member by member
/// (<see cref="RequestCelMap"/>).</summary>
internal sealed class MappingActivation(CallerClaims caller, RequestFacts facts) : ICelActivation
{
    /// <summary>The variable holding the claims.</summary>
    public const string TokenVariable = "token";

    /// <summary>The variable holding the request facts.</summary>
    public const string RequestVariable = "request";

    private CelValue? _request;

    /// <inheritdoc />
    public bool TryResolve(string name, out CelValue value)
    {
        switch (name)
        {
            case TokenVariable:
                value = caller.Token;
                return true;
            case RequestVariable:
                value = _request ??= CelValue.Map(new RequestCelMap(facts));
                return true;
            default:
                value = default;
                return false;
        }
    }
}
