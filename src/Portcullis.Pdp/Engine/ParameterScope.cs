using Portcullis.Cel.Values;

namespace Portcullis.Pdp.Engine;

/// <summary>The variables (<c>V</c>/<c>variables</c>) and constants (<c>C</c>/<c>constants</c>) one policy's
/// conditions see. Variable values are computed lazily by the evaluation context, at most once per check.</summary>
internal sealed class ParameterScope
{
    private readonly Dictionary<string, object> _byQualifiedName = new(StringComparer.Ordinal);
    private readonly CelValue _constantsMap;

    /// <summary>Creates a scope with <paramref name="constants"/> and <paramref name="variables"/>.</summary>
    public ParameterScope(IReadOnlyDictionary<string, CelValue> constants, IReadOnlyList<VariableSlot> variables)
    {
        var map = CelMap.NewDictionary(constants.Count);
        foreach (var (name, value) in constants)
        {
            _byQualifiedName["C." + name] = value;
            _byQualifiedName["constants." + name] = value;
            map[CelValue.String(name)] = value;
        }
        _constantsMap = CelValue.Map(CelMap.Of(map));
        foreach (var variable in variables)
        {
            _byQualifiedName["V." + variable.Name] = variable;
            _byQualifiedName["variables." + variable.Name] = variable;
        }
        Variables = variables;
    }

    /// <summary>Gets a scope without variables or constants.</summary>
    public static ParameterScope Empty { get; } = new(new Dictionary<string, CelValue>(), []);

    /// <summary>Gets the variables, in definition order.</summary>
    public IReadOnlyList<VariableSlot> Variables { get; }

    /// <summary>Resolves <c>V.x</c>, <c>C.x</c> (and the long forms) and the whole <c>V</c>/<c>C</c> maps.</summary>
    public bool TryResolve(string name, EvaluationContext context, out CelValue value)
    {
        if (_byQualifiedName.TryGetValue(name, out var binding))
        {
            value = binding is VariableSlot slot ? context.VariableValue(slot) : (CelValue)binding;
            return true;
        }
        switch (name)
        {
            case "C" or "constants":
                value = _constantsMap;
                return true;
            case "V" or "variables":
                value = AllVariables(context);
                return true;
        }
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && name.IndexOf('.', dot + 1) < 0 && name[..dot] is "V" or "variables" or "C" or "constants")
        {
            value = CelValue.Error($"undefined {(name[0] is 'V' or 'v' ? "variable" : "constant")} '{name[(dot + 1)..]}'");
            return true;
        }
        value = default;
        return false;
    }

    private CelValue AllVariables(EvaluationContext context)
    {
        var map = CelMap.NewDictionary(Variables.Count);
        foreach (var variable in Variables)
        {
            var value = context.VariableValue(variable);
            // As in Cerbos, a variable that failed to evaluate is absent, so using it fails.
            if (!value.IsError) map[CelValue.String(variable.Name)] = value;
        }
        return CelValue.Map(CelMap.Of(map));
    }
}
