using Portcullis.Cel;
using Portcullis.Cel.Values;

namespace Portcullis.Pdp.Engine;

/// <summary>
/// The per-check state of the policy engine and the CEL activation its conditions see: <c>request</c>, <c>P</c>,
/// <c>R</c>, <c>V</c>, <c>C</c>, <c>G</c>, <c>runtime</c>. One instance per thread is reused for every check, so a
/// check builds no dictionaries: names resolve straight from the <see cref="CheckInput"/>, and per-check caches
/// (rule outcomes, derived roles, variables) are arrays invalidated by a generation counter.
/// </summary>
internal sealed class EvaluationContext : ICelActivation
{
    [ThreadStatic]
    private static EvaluationContext? t_instance;

    private static readonly CelValue DefaultVersion = CelValue.String("default");

    private int _generation;
    private int[] _ruleStamps = [];
    private ConditionOutcome[] _ruleOutcomes = [];
    private int[] _roleStamps = [];
    private ConditionOutcome[] _roleOutcomes = [];
    private int[] _variableStamps = [];
    private CelValue[] _variableValues = [];
    private readonly List<string> _errors = [];
    private CheckInput _input = null!;
    private TimeProvider _clock = TimeProvider.System;
    private CelValue _now;
    private CelValue _roles;
    private CelValue _principal;
    private CelValue _resource;
    private CelValue _request;
    private CelValue _runtime;
    private bool _inDerivedRole;

    /// <summary>Gets the context of the check running on this thread, or null (e.g. while compiling).</summary>
    [field: ThreadStatic]
    public static EvaluationContext? Active { get; private set; }

    /// <summary>Gets the variables and constants the condition being evaluated sees.</summary>
    public ParameterScope Scope { get; set; } = ParameterScope.Empty;

    /// <summary>Gets or sets the resource policy being evaluated, for <c>runtime.effectiveDerivedRoles</c>.</summary>
    public ResourcePolicy? Policy { get; set; }

    /// <summary>Gets the errors of conditions evaluated so far in this check.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Starts a check on this thread's context.</summary>
    public static EvaluationContext Begin(CheckInput input, int rules, int derivedRoles, int variables, TimeProvider clock)
    {
        var context = t_instance ??= new EvaluationContext();
        context.Reset(input, rules, derivedRoles, variables, clock);
        Active = context;
        return context;
    }

    /// <summary>Ends the check: releases the input so it is not kept alive by the thread.</summary>
    public void End()
    {
        Active = null;
        _input = null!;
        _roles = _principal = _resource = _request = _runtime = default;
        Scope = ParameterScope.Empty;
        Policy = null;
    }

    /// <summary>Gets the check's single <c>now()</c>, read from the clock on first use.</summary>
    public CelValue Now()
    {
        if (_now.Kind == CelValueKind.Null) _now = CelValue.Timestamp(_clock.GetUtcNow());
        return _now;
    }

    /// <inheritdoc />
    public bool TryResolve(string name, out CelValue value)
    {
        switch (name)
        {
            case "R.attr" or "request.resource.attr": value = CelValue.Map(_input.Resource.Attributes); return true;
            case "P.attr" or "request.principal.attr": value = CelValue.Map(_input.Principal.Attributes); return true;
            case "P.id" or "request.principal.id": value = CelValue.String(_input.Principal.Id); return true;
            case "R.id" or "request.resource.id": value = CelValue.String(_input.Resource.Id); return true;
            case "R.kind" or "request.resource.kind": value = CelValue.String(_input.Resource.Kind); return true;
            case "P.roles" or "request.principal.roles": value = Roles(); return true;
            case "P.policyVersion" or "R.policyVersion" or "request.principal.policyVersion" or "request.resource.policyVersion":
                value = DefaultVersion; return true;
            case "P.scope" or "R.scope" or "request.principal.scope" or "request.resource.scope": value = CelValue.EmptyString; return true;
            case "P" or "request.principal": value = Principal(); return true;
            case "R" or "request.resource": value = Resource(); return true;
            case "request": value = Request(); return true;
            case "request.aux_data" or "request.auxData" or "request.context": value = CelValue.Map(_input.Context); return true;
            case "runtime": value = Runtime(); return true;
            case "runtime.effectiveDerivedRoles" or "runtime.effective_derived_roles": value = EffectiveDerivedRoles(); return true;
            case "G" or "globals": value = CelValue.Map(CelMap.Empty); return true;
        }
        if (name.Length > 0 && name[0] is 'V' or 'C' or 'v' or 'c') return Scope.TryResolve(name, this, out value);
        value = default;
        return false;
    }

    /// <summary>Returns the value of <paramref name="variable"/> in the current scope, evaluating it on first use.</summary>
    public CelValue VariableValue(VariableSlot variable)
    {
        var slot = variable.Slot;
        if (_variableStamps[slot] == _generation) return _variableValues[slot];
        if (_variableStamps[slot] == -_generation) return CelValue.Error($"variable '{variable.Name}' refers to itself");
        _variableStamps[slot] = -_generation;
        var value = variable.Program.Evaluate(this);
        _variableValues[slot] = value;
        _variableStamps[slot] = _generation;
        return value;
    }

    /// <summary>Returns whether <paramref name="role"/> is active, evaluating its condition once per check.</summary>
    public bool IsActive(DerivedRole role)
    {
        if (_roleStamps[role.Id] != _generation)
        {
            _roleStamps[role.Id] = _generation;
            _roleOutcomes[role.Id] = ConditionOutcome.Error; // a condition reaching itself fails closed
            _roleOutcomes[role.Id] = EvaluateDerivedRole(role);
        }
        return _roleOutcomes[role.Id] == ConditionOutcome.True;
    }

    /// <summary>Returns the outcome of a rule's condition, evaluating it once per check.</summary>
    public ConditionOutcome RuleOutcome(int id, string policyKey, string ruleName, Condition? condition, ParameterScope scope)
    {
        if (condition is null) return ConditionOutcome.True;
        if (_ruleStamps[id] == _generation) return _ruleOutcomes[id];
        _ruleStamps[id] = _generation;
        var saved = Scope;
        Scope = scope;
        var outcome = condition.Evaluate(this, out var error);
        Scope = saved;
        if (error is not null) _errors.Add($"{policyKey}/{ruleName}: {error}");
        _ruleOutcomes[id] = outcome;
        return outcome;
    }

    private ConditionOutcome EvaluateDerivedRole(DerivedRole role)
    {
        if (role.Condition is null) return ConditionOutcome.True;
        var (savedScope, savedFlag) = (Scope, _inDerivedRole);
        Scope = role.Scope;
        _inDerivedRole = true;
        var outcome = role.Condition.Evaluate(this, out var error);
        (Scope, _inDerivedRole) = (savedScope, savedFlag);
        if (error is not null) _errors.Add($"{role.PolicyKey}/{role.Name}: {error}");
        return outcome;
    }

    private void Reset(CheckInput input, int rules, int derivedRoles, int variables, TimeProvider clock)
    {
        _input = input;
        _clock = clock;
        _now = _roles = _principal = _resource = _request = _runtime = default;
        _errors.Clear();
        Scope = ParameterScope.Empty;
        Policy = null;
        _inDerivedRole = false;
        if (_generation == int.MaxValue)
        {
            _generation = 0;
            Array.Clear(_ruleStamps);
            Array.Clear(_roleStamps);
            Array.Clear(_variableStamps);
        }
        _generation++;
        Grow(ref _ruleStamps, ref _ruleOutcomes, rules);
        Grow(ref _roleStamps, ref _roleOutcomes, derivedRoles);
        Grow(ref _variableStamps, ref _variableValues, variables);
    }

    private static void Grow<T>(ref int[] stamps, ref T[] values, int size)
    {
        if (stamps.Length >= size) return;
        stamps = new int[size];
        values = new T[size];
    }

    private CelValue Roles()
    {
        if (_roles.Kind != CelValueKind.Null) return _roles;
        var roles = _input.Principal.Roles;
        var items = new CelValue[roles.Count];
        for (var i = 0; i < items.Length; i++) items[i] = CelValue.String(roles[i]);
        return _roles = CelValue.List(CelList.Of(items));
    }

    private CelValue Principal()
    {
        if (_principal.Kind != CelValueKind.Null) return _principal;
        var map = CelMap.NewDictionary(5);
        map[CelValue.String("id")] = CelValue.String(_input.Principal.Id);
        map[CelValue.String("roles")] = Roles();
        map[CelValue.String("attr")] = CelValue.Map(_input.Principal.Attributes);
        map[CelValue.String("policyVersion")] = DefaultVersion;
        map[CelValue.String("scope")] = CelValue.EmptyString;
        return _principal = CelValue.Map(CelMap.Of(map));
    }

    private CelValue Resource()
    {
        if (_resource.Kind != CelValueKind.Null) return _resource;
        var map = CelMap.NewDictionary(5);
        map[CelValue.String("kind")] = CelValue.String(_input.Resource.Kind);
        map[CelValue.String("id")] = CelValue.String(_input.Resource.Id);
        map[CelValue.String("attr")] = CelValue.Map(_input.Resource.Attributes);
        map[CelValue.String("policyVersion")] = DefaultVersion;
        map[CelValue.String("scope")] = CelValue.EmptyString;
        return _resource = CelValue.Map(CelMap.Of(map));
    }

    private CelValue Request()
    {
        if (_request.Kind != CelValueKind.Null) return _request;
        var map = CelMap.NewDictionary(5);
        map[CelValue.String("principal")] = Principal();
        map[CelValue.String("resource")] = Resource();
        map[CelValue.String("aux_data")] = CelValue.Map(_input.Context);
        map[CelValue.String("auxData")] = CelValue.Map(_input.Context);
        map[CelValue.String("context")] = CelValue.Map(_input.Context);
        return _request = CelValue.Map(CelMap.Of(map));
    }

    private CelValue Runtime()
    {
        if (_runtime.Kind != CelValueKind.Null && !_inDerivedRole) return _runtime;
        var map = CelMap.NewDictionary(2);
        var roles = EffectiveDerivedRoles();
        map[CelValue.String("effectiveDerivedRoles")] = roles;
        map[CelValue.String("effective_derived_roles")] = roles;
        var value = CelValue.Map(CelMap.Of(map));
        if (!_inDerivedRole) _runtime = value;
        return value;
    }

    private CelValue EffectiveDerivedRoles()
    {
        // As in Cerbos, derived roles are computed before any of them is known, so their own conditions see none.
        if (_inDerivedRole || Policy is null) return CelValue.List(CelList.Empty);
        var names = new List<string>();
        foreach (var role in Policy.DerivedRoles)
        {
            if (role.ParentRoles.ContainsAny(_input.Principal.Roles) && IsActive(role)) names.Add(role.Name);
        }
        names.Sort(StringComparer.Ordinal);
        return CelValue.List(CelList.Of([.. names.Select(CelValue.String)]));
    }
}
