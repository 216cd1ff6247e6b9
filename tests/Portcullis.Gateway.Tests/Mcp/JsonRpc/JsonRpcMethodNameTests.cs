using Portcullis.Gateway.Mcp.JsonRpc;

namespace Portcullis.Gateway.Tests.Mcp.JsonRpc;

public sealed class JsonRpcMethodNameTests
{
    [Theory]
    [InlineData("tools/call")]
    [InlineData("resources/templates/list")]
    [InlineData("notifications/resources/list_changed")]
    [InlineData("ping")]
    [InlineData("server/discover")]
    public void Mcp_method_names_are_well_formed(string method) => Assert.True(JsonRpcMethodName.IsWellFormed(method));

    [Theory]
    [InlineData("t\u043Eols/call")] // Cyrillic о
    [InlineData("tools/call ")]
    [InlineData(" tools/call")]
    [InlineData("tools/ call")]
    [InlineData("tools/call\n")]
    [InlineData("tools/call\0")]
    [InlineData("tools\u2215call")] // division slash
    [InlineData("tools/c\u200Ball")] // zero-width space
    [InlineData("ｔools/call")] // full-width t
    [InlineData("tools//call")]
    [InlineData("tools/")]
    [InlineData("/tools/call")]
    [InlineData("")]
    [InlineData(null)]
    public void Look_alikes_spaces_and_control_characters_are_not(string? method) =>
        Assert.False(JsonRpcMethodName.IsWellFormed(method));

    [Fact]
    public void An_overlong_name_is_not() =>
        Assert.False(JsonRpcMethodName.IsWellFormed("a" + new string('b', JsonRpcMethodName.MaxLength)));
}
