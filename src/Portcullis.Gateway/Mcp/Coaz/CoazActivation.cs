using System.Text.Json;
using Portcullis.Cel;
using Portcullis.Cel.Json;
using Portcullis.Cel.Values;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The input variables of COAZ-MCP expressions: <c>params</c> (the request's params, converted only when an
/// expression reads it) and <c>token</c>.</summary>
/// <remarks>COAZ-MCP "Information Model". <paramref name="parameters"/> must be an object whose depth is bounded
/// (<see cref="CoazParams"/>), as the conversion recurses.</remarks>
internal sealed class CoazActivation(CelValue token, JsonElement parameters) : ICelActivation
{
    /// <summary>The variable holding the request's params.</summary>
    public const string ParamsVariable = "params";

    /// <summary>The variable holding the token's claims.</summary>
    public const string TokenVariable = "token";

    private CelValue? _params;

    /// <inheritdoc />
    public bool TryResolve(string name, out CelValue value)
    {
        switch (name)
        {
            case TokenVariable:
                value = token;
                return true;
            case ParamsVariable:
                value = _params ??= CelJson.FromJson(parameters);
                return true;
            default:
                value = default;
                return false;
        }
    }
}
