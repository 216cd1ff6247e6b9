namespace Portcullis.FunctionalTests.Gateway;

/// <summary>The AuthZEN API-gateway interop suite as real HTTP requests through <c>portcullis serve</c> with the real
/// Cerbos as the routes' PDP (same policies, same tokens; roles from the token's claim).</summary>
public sealed class ApiGatewayCerbosTests(ApiGatewayCerbosFixture gateway) : IClassFixture<ApiGatewayCerbosFixture>
{
    public static TheoryData<ApiGatewayCase> Cases => ApiGatewayCase.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Send_ApiGatewayInteropCase_ForwardsOrDeniesAsExpected(ApiGatewayCase c) => ApiGatewayRunner.AssertCaseAsync(gateway, c);
}
