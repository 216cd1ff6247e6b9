namespace Portcullis.FunctionalTests.Gateway;

/// <summary>The AuthZEN API-gateway interop suite as real HTTP requests through <c>portcullis serve</c> with the
/// embedded PDP (policies and directory in samples/interop/api-gateway).</summary>
public sealed class ApiGatewayEmbeddedPdpTests(ApiGatewayEmbeddedFixture gateway) : IClassFixture<ApiGatewayEmbeddedFixture>
{
    public static TheoryData<ApiGatewayCase> Cases => ApiGatewayCase.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Send_ApiGatewayInteropCase_ForwardsOrDeniesAsExpected(ApiGatewayCase c) => ApiGatewayRunner.AssertCaseAsync(gateway, c);
}
