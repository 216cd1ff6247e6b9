using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>opt.optMap(x, expr)</c> and <c>opt.optFlatMap(x, expr)</c>: apply <c>expr</c> to a present value.</summary>
internal sealed class OptionalMapNode(int position, Interpretable operand, string name, Interpretable body, bool flat, int iterationLimit) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var o = operand.Eval(activation);
        if (o.IsError) return o;
        if (o.Kind != CelValueKind.Optional) return Fail(CelError.NoSuchOverload(flat ? "optFlatMap" : "optMap", o).Message);
        if (!o.AsOptional.HasValue) return o;
        var scope = new Scope(activation, name, null, iterationLimit) { Value1 = o.AsOptional.Value };
        var result = body.Eval(scope);
        if (result.IsError || !flat) return result.IsError ? result : CelValue.OptionalOf(result);
        return result.Kind == CelValueKind.Optional ? result : Fail($"optFlatMap must produce an optional value, not '{result.TypeName}'");
    }
}
