using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>
/// A CEL function implementation. For member calls (<c>x.f(y)</c>) the receiver is <c>args[0]</c>.
/// Arguments are never errors (the caller propagates errors first); a function returns an error value,
/// never throws, when it has no overload for the argument types or the operation fails.
/// </summary>
public delegate CelValue CelFunction(ReadOnlySpan<CelValue> args);
