namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A policy's <c>variables</c> and <c>constants</c> sections (imports and local definitions).</summary>
internal sealed class ParametersSource
{
    /// <summary>Gets the imported variable sets.</summary>
    public List<NamedReference> VariableImports { get; } = [];

    /// <summary>Gets the local variables (including the deprecated top-level <c>variables</c> field).</summary>
    public List<NamedExpression> LocalVariables { get; } = [];

    /// <summary>Gets the imported constant sets.</summary>
    public List<NamedReference> ConstantImports { get; } = [];

    /// <summary>Gets the local constants.</summary>
    public List<NamedValue> LocalConstants { get; } = [];
}
