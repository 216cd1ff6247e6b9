using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portcullis.FunctionalTests.Interop;
using Xunit.Abstractions;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>One case of the AuthZEN API-gateway interop file: who calls, which method on which route template, and
/// whether the gateway lets it through.</summary>
/// <remarks>Serialized by its index so each case is its own theory row with a readable name.</remarks>
public sealed partial class ApiGatewayCase : IXunitSerializable
{
    /// <summary>The interop file, relative to the shared interop folder.</summary>
    public const string File = "api-gateway/decisions.json";

    private const string Section = "evaluation";

    /// <summary>Initializes an empty case; for the xunit serializer only.</summary>
    [Obsolete("For the xunit serializer only.")]
    public ApiGatewayCase()
    {
    }

    private ApiGatewayCase(int index) => Index = index;

    /// <summary>Gets the case's position in the file.</summary>
    public int Index { get; private set; }

    /// <summary>Gets the caller's identity (the <c>sub</c> of its token).</summary>
    public string SubjectId => Request.GetProperty("subject").GetProperty("id").GetString()!;

    /// <summary>Gets the HTTP method.</summary>
    public string Method => Request.GetProperty("action").GetProperty("name").GetString()!;

    /// <summary>Gets the OpenAPI route template, e.g. <c>/todos/{todoId}</c>.</summary>
    public string RouteTemplate => Request.GetProperty("resource").GetProperty("id").GetString()!;

    /// <summary>Gets whether the request must reach the upstream.</summary>
    public bool Expected => InteropCatalog.Entry(File, Section, Index).GetProperty("expected").GetBoolean();

    /// <summary>Gets a concrete path for the template: every parameter becomes the case number (e.g. <c>/todos/18</c>).</summary>
    public string Path => Parameter().Replace(RouteTemplate, (Index + 1).ToString(CultureInfo.InvariantCulture));

    private JsonElement Request => InteropCatalog.Entry(File, Section, Index).GetProperty("request");

    /// <summary>Returns every case of the file.</summary>
    public static TheoryData<ApiGatewayCase> All()
    {
        var data = new TheoryData<ApiGatewayCase>();
        for (var i = 0; i < InteropCatalog.Count(File, Section); i++) data.Add(new ApiGatewayCase(i));
        return data;
    }

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info) => Index = info.GetValue<int>(nameof(Index));

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Index), Index);

    /// <inheritdoc />
    public override string ToString() =>
        $"api-gateway {Index + 1:00}: {SubjectId[..8]}…{SubjectId[^9..]} {Method} {RouteTemplate} => {(Expected ? "true" : "false")}";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
