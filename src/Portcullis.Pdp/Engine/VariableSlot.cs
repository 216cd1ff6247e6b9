using Portcullis.Cel;

namespace Portcullis.Pdp.Engine;

/// <summary>One variable of one policy: its expression and the slot of its per-check cached value.</summary>
/// <param name="Name">The variable's name (<c>V.name</c>).</param>
/// <param name="Slot">The index of the cached value in the evaluation context, unique in the policy set.</param>
/// <param name="Program">The compiled expression, evaluated at most once per check and only when referenced.</param>
internal sealed record VariableSlot(string Name, int Slot, CelProgram Program);
