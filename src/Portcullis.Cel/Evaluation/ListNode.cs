using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>A list literal; optional elements (<c>[?x]</c>) are included only when present.</summary>
internal sealed class ListNode(int position, Interpretable[] elements, bool[] optional) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var values = new List<CelValue>(elements.Length);
        for (var i = 0; i < elements.Length; i++)
        {
            var v = elements[i].Eval(activation);
            if (v.IsError) return v;
            if (optional[i])
            {
                if (v.Kind != CelValueKind.Optional) return Fail($"optional list element must be an optional value, not '{v.TypeName}'");
                if (!v.AsOptional.HasValue) continue;
                v = v.AsOptional.Value;
            }
            values.Add(v);
        }
        return CelValue.List(CelList.Of([.. values]));
    }
}
