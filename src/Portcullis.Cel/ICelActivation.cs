using Portcullis.Cel.Values;

namespace Portcullis.Cel;

/// <summary>Supplies the values of an expression's variables.</summary>
public interface ICelActivation
{
    /// <summary>Looks up the variable <paramref name="name"/> (which may be dotted, e.g. <c>a.b</c>).</summary>
    bool TryResolve(string name, out CelValue value);
}
