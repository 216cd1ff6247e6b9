using Portcullis.FunctionalTests.Cerbos;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>The API-gateway scenario with the real Cerbos on <c>samples/interop/api-gateway/policies</c>: Cerbos has
/// no directory, so each route maps the token's <c>roles</c> claim to the subject's <c>roles</c> property, which the
/// gateway sends as <c>cerbos.roles</c>.</summary>
public sealed class ApiGatewayCerbosFixture : ApiGatewayFixture
{
    private CerbosProcess? cerbos;

    /// <inheritdoc />
    public override string RunName => "cerbos";

    /// <inheritdoc />
    protected override string PdpName => "Cerbos 0.55, roles from the token";

    /// <inheritdoc />
    protected override async Task<(string TopLevel, string AuthZenBlock)> PreparePdpAsync(CancellationToken cancellationToken)
    {
        cerbos = await CerbosProcess.StartAsync(Path.Combine(Sample, "policies"), cancellationToken);
        var host = cerbos.BaseAddress.GetLeftPart(UriPartial.Authority);
        return ("", $$$"""{"pdp": {"host": "{{{host}}}", "platform": "cerbos"}, "subject": {"properties": [{"key": "roles", "claim": "roles"}]}}""");
    }

    /// <inheritdoc />
    protected override async ValueTask DisposePdpAsync()
    {
        if (cerbos is not null) await cerbos.DisposeAsync();
    }
}
