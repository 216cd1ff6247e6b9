namespace Portcullis.Pdp.Engine;

/// <summary>
/// Decides checks as Cerbos 0.55 does. A principal policy for the principal is consulted first: within it a
/// matching deny beats a matching allow, and either is final. Otherwise the resource policy for the kind decides
/// role by role: for each of the principal's roles, the rules that apply to it (by role, <c>*</c>, or an active
/// derived role whose parent it is) give deny if any matching deny rule holds, else allow if an allow rule holds;
/// the first role with an allow wins, else any deny, else the default deny. Conditions that error grant nothing.
/// </summary>
internal static class DecisionEngine
{
    /// <summary>Decides <paramref name="input"/> against <paramref name="policies"/>.</summary>
    public static PolicyDecision Check(CompiledPolicies policies, CheckInput input, TimeProvider clock)
    {
        // As in Cerbos, evaluation iterates over the principal's roles: without any, nothing applies.
        if (input.Principal.Roles.Count == 0) return PolicyDecision.DefaultDeny;
        var context = EvaluationContext.Begin(input, policies.RuleCount, policies.DerivedRoleCount, policies.VariableCount, clock);
        try
        {
            PolicyDecision? decision = null;
            if (policies.PrincipalPolicies.Count > 0 && policies.PrincipalPolicies.TryGetValue(input.Principal.Id, out var principal))
                decision = CheckPrincipal(principal, input, context);
            if (decision is null && policies.ResourcePolicies.TryGetValue(input.Resource.Kind, out var resource))
                decision = CheckResource(resource, input, context);
            decision ??= PolicyDecision.DefaultDeny;
            return context.Errors.Count == 0 ? decision : decision with { Errors = [.. context.Errors] };
        }
        finally
        {
            context.End();
        }
    }

    private static PolicyDecision? CheckPrincipal(PrincipalPolicy policy, CheckInput input, EvaluationContext context)
    {
        PrincipalRule? allow = null;
        foreach (var rule in policy.Rules)
        {
            if (!rule.Matches(input.Resource.Kind, input.Action)) continue;
            if (rule.Allow && allow is not null) continue;
            if (context.RuleOutcome(rule.Id, rule.PolicyKey, rule.Name, rule.Condition, rule.Scope) != ConditionOutcome.True) continue;
            if (!rule.Allow) return rule.Decision;
            allow ??= rule;
        }
        return allow?.Decision;
    }

    private static PolicyDecision? CheckResource(ResourcePolicy policy, CheckInput input, EvaluationContext context)
    {
        var candidates = policy.Candidates(input.Action, out var mustMatch);
        if (candidates.Length == 0) return null;
        context.Policy = policy;
        var roles = input.Principal.Roles;
        ResourceRule? firstDeny = null;
        for (var r = 0; r < roles.Count; r++)
        {
            var role = roles[r];
            ResourceRule? allow = null, deny = null;
            foreach (var rule in candidates)
            {
                if (mustMatch && !rule.MatchesAction(input.Action)) continue;
                if (!rule.Allow && deny is not null) continue;
                if (rule.Allow && allow is not null) continue;
                if (!AppliesTo(rule, role, context)) continue;
                if (context.RuleOutcome(rule.Id, rule.PolicyKey, rule.Name, rule.Condition, rule.Scope) != ConditionOutcome.True) continue;
                if (rule.Allow)
                {
                    allow = rule;
                }
                else
                {
                    deny = rule;
                    break;
                }
            }
            if (deny is null && allow is not null) return allow.Decision;
            firstDeny ??= deny;
        }
        return firstDeny?.Decision;
    }

    private static bool AppliesTo(ResourceRule rule, string role, EvaluationContext context)
    {
        if (rule.Roles.Contains(role)) return true;
        foreach (var derived in rule.DerivedRoles)
        {
            if (derived.ParentRoles.Contains(role) && context.IsActive(derived)) return true;
        }
        return false;
    }
}
