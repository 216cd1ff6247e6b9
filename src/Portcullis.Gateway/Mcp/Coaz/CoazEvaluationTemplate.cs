namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The compiled body of an <c>evaluation</c> envelope, the top level of an <c>evaluations</c> envelope, or one
/// of its entries (which never has a subject).</summary>
internal sealed record CoazEvaluationTemplate(
    CoazEntityTemplate? Subject,
    CoazActionTemplate? Action,
    CoazEntityTemplate? Resource,
    CoazTemplateNode? Context);
