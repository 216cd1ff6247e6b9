using Portcullis.Cel;
using Portcullis.Cel.Library;
using Portcullis.Cel.Values;
using Portcullis.Pdp.Engine;
using Portcullis.Pdp.Loading;

namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>Links parsed policies (imports, derived roles, variables) and compiles every CEL expression once,
/// reporting each problem with file and line.</summary>
internal sealed class PolicyCompiler
{
    private const string DefaultVersion = "default";
    private readonly List<SourceDiagnostic> _diagnostics;
    private readonly CelOptions _options;
    private readonly CelFunctionRegistry _functions;
    private readonly Dictionary<ExpressionSource, CelProgram?> _programs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, ExportVariablesSource> _exportedVariables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExportConstantsSource> _exportedConstants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DerivedRole>> _derivedRoles = new(StringComparer.Ordinal);
    private int _rules;
    private int _roles;
    private int _slots;

    private PolicyCompiler(List<SourceDiagnostic> diagnostics, CelOptions options)
    {
        _diagnostics = diagnostics;
        _options = options;
        _functions = CerbosFunctions.CreateRegistry(options);
    }

    /// <summary>Compiles <paramref name="sources"/>; problems are added to <paramref name="diagnostics"/>.</summary>
    public static CompiledPolicies Compile(PolicySources sources, List<SourceDiagnostic> diagnostics, CelOptions options) =>
        new PolicyCompiler(diagnostics, options).Run(sources);

    private CompiledPolicies Run(PolicySources sources)
    {
        foreach (var export in sources.ExportVariables)
        {
            if (!_exportedVariables.TryAdd(export.Name, export))
                Report(export.Location, $"exportVariables '{export.Name}' is defined more than once (also at {At(_exportedVariables[export.Name].Location)})");
        }
        foreach (var export in sources.ExportConstants)
        {
            if (!_exportedConstants.TryAdd(export.Name, export))
                Report(export.Location, $"exportConstants '{export.Name}' is defined more than once (also at {At(_exportedConstants[export.Name].Location)})");
        }
        var derivedLocations = new Dictionary<string, PolicyLocation>(StringComparer.Ordinal);
        foreach (var policy in sources.DerivedRoles)
        {
            if (!derivedLocations.TryAdd(policy.Name, policy.Location))
            {
                Report(policy.Location, $"derivedRoles '{policy.Name}' is defined more than once (also at {At(derivedLocations[policy.Name])})");
                continue;
            }
            _derivedRoles[policy.Name] = CompileDerivedRoles(policy);
        }

        var resources = new Dictionary<string, ResourcePolicy>(StringComparer.Ordinal);
        var resourceLocations = new Dictionary<(string, string), PolicyLocation>();
        foreach (var policy in sources.ResourcePolicies)
        {
            if (!resourceLocations.TryAdd((policy.Resource, policy.Version), policy.Location))
            {
                Report(policy.Location, $"a resource policy for '{policy.Resource}' version '{policy.Version}' is defined more than once (also at {At(resourceLocations[(policy.Resource, policy.Version)])})");
                continue;
            }
            var compiled = CompileResourcePolicy(policy);
            if (policy.Version == DefaultVersion) resources[policy.Resource] = compiled;
        }

        var principals = new Dictionary<string, PrincipalPolicy>(StringComparer.Ordinal);
        var principalLocations = new Dictionary<(string, string), PolicyLocation>();
        foreach (var policy in sources.PrincipalPolicies)
        {
            if (!principalLocations.TryAdd((policy.Principal, policy.Version), policy.Location))
            {
                Report(policy.Location, $"a principal policy for '{policy.Principal}' version '{policy.Version}' is defined more than once (also at {At(principalLocations[(policy.Principal, policy.Version)])})");
                continue;
            }
            var compiled = CompilePrincipalPolicy(policy);
            if (policy.Version == DefaultVersion) principals[policy.Principal] = compiled;
        }

        var count = sources.ResourcePolicies.Count + sources.PrincipalPolicies.Count + sources.DerivedRoles.Count
            + sources.ExportVariables.Count + sources.ExportConstants.Count;
        return new CompiledPolicies(resources, principals, count, _rules, _roles, _slots);
    }

    private Dictionary<string, DerivedRole> CompileDerivedRoles(DerivedRolesSource policy)
    {
        var key = $"derived_roles.{policy.Name}";
        var (scope, variables, constants) = CompileScope(policy.Parameters);
        var roles = new Dictionary<string, DerivedRole>(StringComparer.Ordinal);
        foreach (var definition in policy.Definitions)
        {
            var condition = CompileCondition(definition.Condition, variables, constants);
            var role = new DerivedRole(_roles++, definition.Name, key, new RoleSet(definition.ParentRoles), condition, scope);
            if (!roles.TryAdd(definition.Name, role))
                Report(definition.Location, $"derived role '{definition.Name}' is defined more than once in derivedRoles '{policy.Name}'");
        }
        return roles;
    }

    private ResourcePolicy CompileResourcePolicy(ResourcePolicySource policy)
    {
        var key = $"resource.{policy.Resource}.v{policy.Version}";
        var available = new Dictionary<string, (DerivedRole Role, string Set)>(StringComparer.Ordinal);
        foreach (var import in policy.ImportDerivedRoles)
        {
            if (!_derivedRoles.TryGetValue(import.Name, out var set))
            {
                Report(import.Location, $"importDerivedRoles names '{import.Name}', but no derivedRoles policy has that name");
                continue;
            }
            foreach (var (name, role) in set)
            {
                if (available.TryGetValue(name, out var other) && other.Set != import.Name)
                    Report(import.Location, $"derived role '{name}' is defined in both '{other.Set}' and '{import.Name}'");
                else available[name] = (role, import.Name);
            }
        }
        var (scope, variables, constants) = CompileScope(policy.Parameters);
        var rules = new List<ResourceRule>();
        for (var i = 0; i < policy.Rules.Count; i++)
        {
            var rule = policy.Rules[i];
            var derived = new List<DerivedRole>();
            foreach (var reference in rule.DerivedRoles)
            {
                if (available.TryGetValue(reference.Name, out var found)) derived.Add(found.Role);
                else Report(reference.Location, $"derived role '{reference.Name}' is not defined in the imported derived roles"
                    + (policy.ImportDerivedRoles.Count == 0 ? " (the policy imports none: add importDerivedRoles)" : ""));
            }
            var condition = CompileCondition(rule.Condition, variables, constants);
            rules.Add(new ResourceRule(_rules++, key, rule.Name ?? $"#{i}", rule.Allow, rule.Actions, new RoleSet(rule.Roles),
                [.. derived], condition, scope));
        }
        return new ResourcePolicy(key, policy.Resource, policy.Version, rules, [.. available.Values.Select(v => v.Role)]);
    }

    private PrincipalPolicy CompilePrincipalPolicy(PrincipalPolicySource policy)
    {
        var key = $"principal.{policy.Principal}.v{policy.Version}";
        var (scope, variables, constants) = CompileScope(policy.Parameters);
        var rules = new List<PrincipalRule>();
        for (var i = 0; i < policy.Rules.Count; i++)
        {
            var rule = policy.Rules[i];
            for (var j = 0; j < rule.Actions.Count; j++)
            {
                var action = rule.Actions[j];
                var condition = CompileCondition(action.Condition, variables, constants);
                rules.Add(new PrincipalRule(_rules++, key, action.Name ?? $"#{i}.{j}", rule.Resource, action.Action, action.Allow, condition, scope));
            }
        }
        return new PrincipalPolicy(key, policy.Principal, policy.Version, [.. rules]);
    }

    private (ParameterScope Scope, HashSet<string> Variables, HashSet<string> Constants) CompileScope(ParametersSource parameters)
    {
        var constants = new Dictionary<string, NamedValue>(StringComparer.Ordinal);
        foreach (var import in parameters.ConstantImports)
        {
            if (!_exportedConstants.TryGetValue(import.Name, out var export))
                Report(import.Location, $"constants.import names '{import.Name}', but no exportConstants policy has that name");
            else foreach (var definition in export.Definitions) AddOnce(constants, definition.Name, definition, definition.Location, "constant");
        }
        foreach (var definition in parameters.LocalConstants) AddOnce(constants, definition.Name, definition, definition.Location, "constant");

        var definitions = new Dictionary<string, NamedExpression>(StringComparer.Ordinal);
        foreach (var import in parameters.VariableImports)
        {
            if (!_exportedVariables.TryGetValue(import.Name, out var export))
                Report(import.Location, $"variables.import names '{import.Name}', but no exportVariables policy has that name");
            else foreach (var definition in export.Definitions) AddOnce(definitions, definition.Name, definition, definition.Location, "variable");
        }
        foreach (var definition in parameters.LocalVariables) AddOnce(definitions, definition.Name, definition, definition.Location, "variable");

        var variableNames = new HashSet<string>(definitions.Keys, StringComparer.Ordinal);
        var constantNames = new HashSet<string>(constants.Keys, StringComparer.Ordinal);
        var slots = new List<VariableSlot>();
        var dependencies = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, definition) in definitions)
        {
            var program = CompileExpression(definition.Expression, variableNames, constantNames, out var used);
            dependencies[name] = used;
            if (program is not null) slots.Add(new VariableSlot(name, _slots++, program));
        }
        ReportCycles(definitions, dependencies);
        var scope = slots.Count == 0 && constants.Count == 0
            ? ParameterScope.Empty
            : new ParameterScope(constants.ToDictionary(c => c.Key, c => c.Value.Value, StringComparer.Ordinal), slots);
        return (scope, variableNames, constantNames);
    }

    private void AddOnce<T>(Dictionary<string, T> target, string name, T value, PolicyLocation location, string what)
    {
        if (!target.TryAdd(name, value)) Report(location, $"{what} '{name}' is defined more than once (names must be unique across imports and local definitions)");
    }

    private void ReportCycles(Dictionary<string, NamedExpression> definitions, Dictionary<string, HashSet<string>> dependencies)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in definitions.Keys) Visit(name, []);

        void Visit(string name, List<string> path)
        {
            if (state.GetValueOrDefault(name) == 2 || !dependencies.ContainsKey(name)) return;
            if (state.GetValueOrDefault(name) == 1)
            {
                var cycle = path[path.IndexOf(name)..];
                Report(definitions[name].Location, $"variable '{name}' depends on itself ({string.Join(" -> ", cycle)} -> {name})");
                return;
            }
            state[name] = 1;
            path.Add(name);
            foreach (var next in dependencies[name]) Visit(next, path);
            path.RemoveAt(path.Count - 1);
            state[name] = 2;
        }
    }

    private Engine.Condition? CompileCondition(ConditionSource? source, ISet<string> variables, ISet<string> constants)
    {
        if (source is null) return null;
        if (source.Kind == ConditionKind.Expr)
        {
            var program = CompileExpression(source.Expression!, variables, constants, out _);
            return program is null ? null : Engine.Condition.Expression(program);
        }
        var children = source.Children.Select(c => CompileCondition(c, variables, constants)).ToList();
        return children.Any(c => c is null) ? null : Engine.Condition.Group(source.Kind, [.. children!]);
    }

    private CelProgram? CompileExpression(ExpressionSource source, ISet<string> variables, ISet<string> constants, out HashSet<string> used)
    {
        used = [];
        if (!_programs.TryGetValue(source, out var program))
        {
            program = TryCompile(source);
            _programs[source] = program;
        }
        if (program is null) return null;
        var checker = new ExpressionChecker(_functions, variables, constants);
        checker.Check(program.Ast);
        foreach (var (position, message) in checker.Problems) ReportInExpression(source, position, message);
        used = checker.UsedVariables;
        return program;
    }

    private CelProgram? TryCompile(ExpressionSource source)
    {
        try
        {
            return CelProgram.Compile(source.Text, _options, _functions);
        }
        catch (CelCompileException ex)
        {
            foreach (var d in ex.Diagnostics)
            {
                var (line, column) = source.ToFile(d.Line, d.Column);
                _diagnostics.Add(new SourceDiagnostic(source.Location.File, line, column, $"invalid expression (at {d.Line}:{d.Column} of the expression): {d.Message}"));
            }
            if (ex.Diagnostics.Count == 0) Report(source.Location, $"invalid expression: {ex.Message}");
            return null;
        }
#pragma warning disable CA1031 // Bad policy content must become a diagnostic, never crash loading.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            Report(source.Location, $"invalid expression: {ex.Message}");
            return null;
        }
    }

    private void ReportInExpression(ExpressionSource source, int position, string message)
    {
        var text = source.Text;
        int line = 1, column = 1;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n') (line, column) = (line + 1, 1);
            else column++;
        }
        var (fileLine, fileColumn) = source.ToFile(line, column);
        _diagnostics.Add(new SourceDiagnostic(source.Location.File, fileLine, fileColumn, $"invalid expression (at {line}:{column} of the expression): {message}"));
    }

    private void Report(PolicyLocation location, string message) =>
        _diagnostics.Add(new SourceDiagnostic(location.File, location.Line, location.Column, message));

    private static string At(PolicyLocation location) => $"{location.File}:{location.Line}";
}
