namespace Portcullis.Cel.Library;

/// <summary>How a function may be called.</summary>
[Flags]
public enum CelCallStyle
{
    /// <summary>As <c>f(x, y)</c>.</summary>
    Global = 1,
    /// <summary>As <c>x.f(y)</c>.</summary>
    Member = 2,
    /// <summary>Either way.</summary>
    Both = Global | Member,
}
