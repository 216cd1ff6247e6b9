using System.Text.Json.Nodes;
using Portcullis.Cel.Json;
using Portcullis.Cel.Values;
using Portcullis.Pdp.Entities;

namespace Portcullis.Gateway.Demo;

/// <summary>One document of the demo API: its id, its tenant and every property (title, classification, content...).</summary>
/// <param name="Id">The document id, e.g. <c>doc-1</c>.</param>
/// <param name="Tenant">The owning tenant, e.g. <c>acme</c>.</param>
/// <param name="Properties">Every property of the document, as served.</param>
public sealed record DemoDocument(string Id, string Tenant, JsonObject Properties)
{
    /// <summary>The directory type the documents are listed under.</summary>
    public const string EntityType = "document";

    /// <summary>Returns the <c>document</c> resources of <paramref name="directory"/> (the PDP's own data, so the API
    /// and the policies always agree), skipping any without a string <c>tenant</c>.</summary>
    public static IReadOnlyList<DemoDocument> FromDirectory(EntityDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var documents = new List<DemoDocument>();
        foreach (var entity in directory.Resources(EntityType))
        {
            if (!entity.Properties.TryGetValue("tenant", out var tenant) || tenant.Kind != CelValueKind.String) continue;
            var properties = (JsonObject)JsonNode.Parse(CelJson.ToJsonString(CelValue.Map(entity.Properties)))!;
            documents.Add(new DemoDocument(entity.Id, tenant.AsString, properties));
        }
        return documents;
    }
}
