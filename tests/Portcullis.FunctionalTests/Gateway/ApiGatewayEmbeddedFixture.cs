namespace Portcullis.FunctionalTests.Gateway;

/// <summary>The API-gateway scenario with the embedded PDP on <c>samples/interop/api-gateway</c>: the routes keep the
/// default mapping, and roles come from the directory by the token's <c>sub</c>.</summary>
public sealed class ApiGatewayEmbeddedFixture : ApiGatewayFixture
{
    /// <inheritdoc />
    public override string RunName => "embedded";

    /// <inheritdoc />
    protected override string PdpName => "embedded PDP, roles from the directory";

    /// <inheritdoc />
    protected override Task<(string TopLevel, string AuthZenBlock)> PreparePdpAsync(CancellationToken cancellationToken) =>
        Task.FromResult(($"""
            pdp:
              policies: {Path.Combine(Sample, "policies")}
              directory: {Path.Combine(Sample, "directory")}

            """, ""));
}
