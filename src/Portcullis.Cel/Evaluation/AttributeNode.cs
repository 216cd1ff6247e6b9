using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>
/// A variable reference with its chain of field selections, <c>a.b.c</c>. The chain may name a qualified variable
/// (<c>a.b</c>) or be resolved inside the container, so the planner lists candidate names, longest first; the first
/// one the activation knows wins and the remaining fields are selected from it.
/// </summary>
internal sealed class AttributeNode(int position, AttributeNode.Candidate[] candidates, string[] fields, string displayName) : Interpretable(position)
{
    /// <summary>A name to look up and the index of the first field still to select after it.</summary>
    internal readonly record struct Candidate(string Name, int NextField, bool IsQualified, CelType? TypeValue);

    public override CelValue Eval(ICelActivation activation)
    {
        var skipQualified = activation is CelActivation { HasDottedNames: false };
        foreach (var candidate in candidates)
        {
            if (candidate.IsQualified && skipQualified) continue;
            if (activation.TryResolve(candidate.Name, out var value)) return SelectRest(value, candidate.NextField);
        }
        foreach (var candidate in candidates)
        {
            if (candidate.TypeValue is { } type) return SelectRest(CelValue.Type(type), candidate.NextField);
        }
        return Fail($"undeclared reference to '{displayName}'");
    }

    private CelValue SelectRest(CelValue value, int next)
    {
        for (var i = next; i < fields.Length && !value.IsError; i++) value = Access.Select(value, fields[i]);
        return Locate(value);
    }
}
