namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A variable definition: a name and its expression.</summary>
internal sealed record NamedExpression(string Name, ExpressionSource Expression, PolicyLocation Location);
