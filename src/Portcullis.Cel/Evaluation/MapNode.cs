using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>A map literal; keys must be int, uint, bool or string and distinct; optional entries
/// (<c>{?k: v}</c>) are included only when the value is present.</summary>
internal sealed class MapNode(int position, Interpretable[] keys, Interpretable[] values, bool[] optional) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var entries = CelMap.NewDictionary(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var k = keys[i].Eval(activation);
            if (k.IsError) return k;
            if (k.Kind is not (CelValueKind.String or CelValueKind.Int or CelValueKind.Uint or CelValueKind.Bool))
                return Fail($"unsupported map key type: '{k.TypeName}'");
            var v = values[i].Eval(activation);
            if (v.IsError) return v;
            if (optional[i])
            {
                if (v.Kind != CelValueKind.Optional) return Fail($"optional map entry must be an optional value, not '{v.TypeName}'");
                if (!v.AsOptional.HasValue) continue;
                v = v.AsOptional.Value;
            }
            if (!entries.TryAdd(k, v)) return Fail($"repeated map key: {k}");
        }
        return CelValue.Map(CelMap.Of(entries));
    }
}
