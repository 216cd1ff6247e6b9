using System.Text.Json;
using Xunit.Abstractions;

namespace Portcullis.FunctionalTests.Interop;

/// <summary>One case of an AuthZEN interop file: a request, the endpoint it goes to and the expected answer.</summary>
/// <remarks>Serialized by reference (file, section, index) so each case is its own theory row with a readable name.</remarks>
public sealed class InteropCase : IXunitSerializable
{
    /// <summary>Initializes an empty case; for the xunit serializer only.</summary>
    [Obsolete("For the xunit serializer only.")]
    public InteropCase()
    {
    }

    internal InteropCase(string file, string section, int index, InteropEndpoint endpoint)
    {
        File = file;
        Section = section;
        Index = index;
        Endpoint = endpoint;
    }

    /// <summary>Gets the interop file, relative to the shared interop folder.</summary>
    public string File { get; private set; } = "";

    /// <summary>Gets the top-level array the case comes from (<c>evaluation</c>, <c>evaluations</c>, <c>search</c>).</summary>
    public string Section { get; private set; } = "";

    /// <summary>Gets the case's position in its section.</summary>
    public int Index { get; private set; }

    /// <summary>Gets the endpoint the request is posted to.</summary>
    public InteropEndpoint Endpoint { get; private set; }

    /// <summary>Gets the AuthZEN request, as written in the interop file.</summary>
    public JsonElement Request => InteropCatalog.Entry(File, Section, Index).GetProperty("request");

    /// <summary>Gets the expected answer, as written in the interop file.</summary>
    public JsonElement Expected => InteropCatalog.Entry(File, Section, Index).GetProperty("expected");

    /// <summary>Gets the path of the endpoint, e.g. <c>/access/v1/evaluation</c>.</summary>
    public string Path => Endpoint switch
    {
        InteropEndpoint.Evaluation => "/access/v1/evaluation",
        InteropEndpoint.Evaluations => "/access/v1/evaluations",
        InteropEndpoint.SearchSubject => "/access/v1/search/subject",
        InteropEndpoint.SearchResource => "/access/v1/search/resource",
        _ => "/access/v1/search/action",
    };

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        File = info.GetValue<string>(nameof(File));
        Section = info.GetValue<string>(nameof(Section));
        Index = info.GetValue<int>(nameof(Index));
        Endpoint = (InteropEndpoint)info.GetValue<int>(nameof(Endpoint));
    }

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Section), Section);
        info.AddValue(nameof(Index), Index);
        info.AddValue(nameof(Endpoint), (int)Endpoint);
    }

    /// <inheritdoc />
    public override string ToString() => InteropCaseNames.Describe(this);
}
