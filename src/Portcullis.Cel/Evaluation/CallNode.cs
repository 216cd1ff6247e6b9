using Portcullis.Cel.Library;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>A function call: arguments are evaluated left to right, the first error is the result, otherwise the
/// function is applied.</summary>
internal sealed class CallNode(int position, string name, CelFunction function, Interpretable[] args, int maxValueSize) : Interpretable(position)
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
            return Checked(function(values));
        }
        var many = new CelValue[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            many[i] = args[i].Eval(activation);
            if (many[i].IsError) return many[i];
        }
        return Checked(function(many));
    }

    /// <summary>Locates an error result, and turns an oversized result into an error before anything can grow it further.</summary>
    private CelValue Checked(in CelValue result)
    {
        var size = result.Kind switch
        {
            CelValueKind.String => result.AsString.Length,
            CelValueKind.Bytes => result.AsBytes.Length,
            CelValueKind.List => result.AsList.Count,
            _ => 0,
        };
        return size > maxValueSize ? Fail($"result of '{Name}' exceeds the size limit of {maxValueSize:N0}") : Locate(result);
    }
}
