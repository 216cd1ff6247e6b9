using Portcullis.Cel.Library;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>A function call: arguments are evaluated left to right, the first error is the result, otherwise the
/// function is applied.</summary>
internal sealed class CallNode(int position, string name, CelFunction function, Interpretable[] args) : Interpretable(position)
{
    public string Name { get; } = name;

    public override CelValue Eval(ICelActivation activation)
    {
        if (args.Length <= 4)
        {
            var buffer = default(Arguments);
            Span<CelValue> values = buffer;
            values = values[..args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                values[i] = args[i].Eval(activation);
                if (values[i].IsError) return values[i];
            }
            return Locate(function(values));
        }
        var many = new CelValue[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            many[i] = args[i].Eval(activation);
            if (many[i].IsError) return many[i];
        }
        return Locate(function(many));
    }
}
