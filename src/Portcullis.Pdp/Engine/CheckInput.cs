using Portcullis.Cel.Values;

namespace Portcullis.Pdp.Engine;

/// <summary>One authorization question for the policy engine.</summary>
/// <param name="Principal">Who asks.</param>
/// <param name="Resource">What is accessed.</param>
/// <param name="Action">The action, e.g. <c>view</c> or <c>can_update_todo</c>.</param>
/// <param name="Context">Environmental data available to conditions (the AuthZEN context; <c>request.aux_data</c> and
/// <c>request.context</c> in CEL): a CEL map, empty when absent.</param>
public sealed record CheckInput(Principal Principal, PolicyResource Resource, string Action, CelMap Context);
