using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>
/// The functions an expression may call, by name, call style and argument count (receiver included).
/// Overloads on argument types are resolved inside each <see cref="CelFunction"/>.
/// </summary>
public sealed class CelFunctionRegistry
{
    /// <summary>Arity value meaning "any number of arguments".</summary>
    public const int Variadic = -1;

    private readonly Dictionary<(string Name, bool Member, int Arity), CelFunction> _functions = [];
    private readonly HashSet<string> _globalNames = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="function"/>; a later registration for the same key replaces an earlier one.</summary>
    /// <param name="name">The function name, qualified for namespaced functions (<c>math.greatest</c>).</param>
    /// <param name="style">Global, member or both.</param>
    /// <param name="arity">The number of arguments including the receiver, or <see cref="Variadic"/>.</param>
    /// <param name="function">The implementation.</param>
    public CelFunctionRegistry Add(string name, CelCallStyle style, int arity, CelFunction function)
    {
        if (style.HasFlag(CelCallStyle.Global))
        {
            _functions[(name, false, arity)] = function;
            _globalNames.Add(name);
        }
        if (style.HasFlag(CelCallStyle.Member)) _functions[(name, true, arity)] = function;
        return this;
    }

    /// <summary>Finds the implementation for a call with <paramref name="argCount"/> arguments (receiver included).</summary>
    public bool TryGet(string name, bool member, int argCount, out CelFunction function) =>
        _functions.TryGetValue((name, member, argCount), out function!) || _functions.TryGetValue((name, member, Variadic), out function!);

    /// <summary>Returns whether a global function of any arity is called <paramref name="qualifiedName"/>.</summary>
    public bool HasGlobal(string qualifiedName) => _globalNames.Contains(qualifiedName);

    /// <summary>Returns whether any function (global or member) is called <paramref name="name"/>.</summary>
    public bool HasAny(string name) => _functions.Keys.Any(k => k.Name == name);

    /// <summary>Creates the error for a call whose argument types no overload accepts.</summary>
    public static CelValue NoOverload(string name, ReadOnlySpan<CelValue> args) => CelValue.Error(CelError.NoSuchOverload(name, args));
}
