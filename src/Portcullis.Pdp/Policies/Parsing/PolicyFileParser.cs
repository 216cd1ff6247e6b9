using Portcullis.Pdp.Engine;
using Portcullis.Pdp.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>Parses the YAML (or JSON) documents of one Cerbos policy file into <see cref="PolicySources"/>,
/// reporting every problem with its line and column.</summary>
internal sealed class PolicyFileParser
{
    private const string ApiVersion = "api.cerbos.dev/v1";
    private static readonly string[] DocumentKeys =
        ["apiVersion", "description", "disabled", "metadata", "variables", "$schema",
         "resourcePolicy", "principalPolicy", "derivedRoles", "exportVariables", "exportConstants", "rolePolicy"];

    private readonly YamlFileReader _reader;
    private readonly PolicySources _sources;

    private PolicyFileParser(YamlFileReader reader, PolicySources sources)
    {
        _reader = reader;
        _sources = sources;
    }

    /// <summary>Parses <paramref name="text"/> of <paramref name="file"/> into <paramref name="sources"/>.</summary>
    public static void Parse(string file, string text, PolicySources sources, List<SourceDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && ex.Message.Contains("See inner", StringComparison.Ordinal) ? inner.Message : ex.Message;
            diagnostics.Add(new SourceDiagnostic(file, (int)ex.Start.Line, (int)ex.Start.Column, $"invalid YAML: {message}"));
            return;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unclosed flow collections.
            var at = scanner.CurrentPosition;
            diagnostics.Add(new SourceDiagnostic(file, (int)at.Line, (int)at.Column, $"invalid YAML: {YamlScanFailure.Message}"));
            return;
        }
        var parser = new PolicyFileParser(new YamlFileReader(file, text, diagnostics), sources);
        foreach (var document in stream.Documents) parser.Document(document.RootNode);
    }

    private void Document(YamlNode root)
    {
        if (root is YamlScalarNode scalar && YamlFileReader.IsNull(scalar)) return;
        if (_reader.Mapping(root, "a policy document") is not { } map) return;
        string? apiVersion = null;
        var kinds = new List<(string Key, YamlNode KeyNode, YamlNode Value)>();
        var topVariables = new List<NamedExpression>();
        var disabled = false;
        foreach (var (key, keyNode, value) in _reader.Entries(map, "a policy document", DocumentKeys))
        {
            switch (key)
            {
                case "apiVersion": apiVersion = _reader.String(value, "apiVersion"); break;
                case "disabled": disabled = value is YamlScalarNode { Value: "true" }; break;
                case "variables": topVariables = Definitions(value, "variables"); break;
                case "description" or "metadata" or "$schema": break;
                default: kinds.Add((key, keyNode, value)); break;
            }
        }
        if (apiVersion is null) _reader.Report(root, $"missing field 'apiVersion' (expected '{ApiVersion}')");
        else if (apiVersion != ApiVersion) _reader.Report(root, $"unsupported apiVersion '{apiVersion}' (expected '{ApiVersion}')");
        if (kinds.Count != 1)
        {
            _reader.Report(kinds.Count == 0 ? root : kinds[1].KeyNode, kinds.Count == 0
                ? "a policy document needs exactly one of resourcePolicy, principalPolicy, derivedRoles, exportVariables, exportConstants"
                : "a policy document may define only one policy");
            return;
        }
        if (disabled) return;
        var (kind, kindKey, body) = kinds[0];
        switch (kind)
        {
            case "resourcePolicy": ResourcePolicy(body, topVariables); break;
            case "principalPolicy": PrincipalPolicy(body, topVariables); break;
            case "derivedRoles": DerivedRoles(body, topVariables); break;
            case "exportVariables": ExportVariables(body); break;
            case "exportConstants": ExportConstants(body); break;
            default: _reader.Report(kindKey, "role policies are not supported by this PDP"); break;
        }
    }

    private void ResourcePolicy(YamlNode node, List<NamedExpression> topVariables)
    {
        if (_reader.Mapping(node, "resourcePolicy") is not { } map) return;
        string? resource = null;
        var version = "default";
        var imports = new List<NamedReference>();
        var parameters = new ParametersSource();
        parameters.LocalVariables.AddRange(topVariables);
        var rules = new List<ResourceRuleSource>();
        foreach (var (key, keyNode, value) in _reader.Entries(map, "resourcePolicy", "resource", "version", "importDerivedRoles",
                     "variables", "constants", "rules", "scope", "scopePermissions", "schemas"))
        {
            switch (key)
            {
                case "resource": resource = _reader.String(value, "resource"); break;
                case "version": version = _reader.String(value, "version") ?? version; break;
                case "importDerivedRoles": imports = _reader.StringNodes(value, "importDerivedRoles"); break;
                case "variables": Variables(value, parameters); break;
                case "constants": Constants(value, parameters); break;
                case "rules":
                    if (_reader.Sequence(value, "rules") is { } list)
                    {
                        foreach (var item in list.Children)
                        {
                            if (ResourceRule(item) is { } rule) rules.Add(rule);
                        }
                    }
                    break;
                default: Unsupported(key, keyNode, value); break;
            }
        }
        if (resource is null && !map.Children.ContainsKey("resource")) _reader.Report(map, "missing field 'resource' in resourcePolicy");
        if (resource is not null) _sources.ResourcePolicies.Add(new(_reader.Locate(map), resource, version, imports, parameters, rules));
    }

    private ResourceRuleSource? ResourceRule(YamlNode node)
    {
        if (_reader.Mapping(node, "a rule") is not { } map) return null;
        string? name = null;
        List<string>? actions = null;
        bool? allow = null;
        var roles = new List<string>();
        var derived = new List<NamedReference>();
        ConditionSource? condition = null;
        foreach (var (key, _, value) in _reader.Entries(map, "a rule", "name", "actions", "effect", "roles", "derivedRoles", "condition", "output"))
        {
            switch (key)
            {
                case "name": name = _reader.String(value, "name"); break;
                case "actions": actions = _reader.Strings(value, "actions"); break;
                case "effect": allow = Effect(value); break;
                case "roles": roles = _reader.Strings(value, "roles"); break;
                case "derivedRoles": derived = _reader.StringNodes(value, "derivedRoles"); break;
                case "condition": condition = Condition(value); break;
            }
        }
        var valid = true;
        if (actions is null || actions.Count == 0)
        {
            if (actions is null) _reader.Report(map, "missing field 'actions' in a rule (a list of at least one action)");
            valid = false;
        }
        if (!map.Children.ContainsKey("effect"))
        {
            _reader.Report(map, "missing field 'effect' in a rule (EFFECT_ALLOW or EFFECT_DENY)");
            valid = false;
        }
        if (roles.Count == 0 && derived.Count == 0 && !map.Children.ContainsKey("roles") && !map.Children.ContainsKey("derivedRoles"))
        {
            _reader.Report(map, "a rule needs 'roles' or 'derivedRoles'");
            valid = false;
        }
        return valid && allow is { } effect ? new(_reader.Locate(map), name, actions!, effect, roles, derived, condition) : null;
    }

    private void DerivedRoles(YamlNode node, List<NamedExpression> topVariables)
    {
        if (_reader.Mapping(node, "derivedRoles") is not { } map) return;
        string? name = null;
        var parameters = new ParametersSource();
        parameters.LocalVariables.AddRange(topVariables);
        var definitions = new List<DerivedRoleSource>();
        foreach (var (key, _, value) in _reader.Entries(map, "derivedRoles", "name", "definitions", "variables", "constants"))
        {
            switch (key)
            {
                case "name": name = _reader.String(value, "name"); break;
                case "variables": Variables(value, parameters); break;
                case "constants": Constants(value, parameters); break;
                case "definitions":
                    if (_reader.Sequence(value, "definitions") is { } list)
                    {
                        foreach (var item in list.Children)
                        {
                            if (DerivedRole(item) is { } role) definitions.Add(role);
                        }
                    }
                    break;
            }
        }
        if (!map.Children.ContainsKey("name")) _reader.Report(map, "missing field 'name' in derivedRoles");
        if (name is not null) _sources.DerivedRoles.Add(new(_reader.Locate(map), name, definitions, parameters));
    }

    private DerivedRoleSource? DerivedRole(YamlNode node)
    {
        if (_reader.Mapping(node, "a derived role definition") is not { } map) return null;
        string? name = null;
        List<string>? parents = null;
        ConditionSource? condition = null;
        foreach (var (key, _, value) in _reader.Entries(map, "a derived role definition", "name", "parentRoles", "condition"))
        {
            switch (key)
            {
                case "name": name = _reader.String(value, "name"); break;
                case "parentRoles": parents = _reader.Strings(value, "parentRoles"); break;
                case "condition": condition = Condition(value); break;
            }
        }
        if (!map.Children.ContainsKey("name")) _reader.Report(map, "missing field 'name' in a derived role definition");
        if (parents is null) _reader.Report(map, "missing field 'parentRoles' in a derived role definition");
        else if (parents.Count == 0) _reader.Report(map, "'parentRoles' needs at least one role");
        return name is null || parents is not { Count: > 0 } ? null : new(_reader.Locate(map), name, parents, condition);
    }

    private void PrincipalPolicy(YamlNode node, List<NamedExpression> topVariables)
    {
        if (_reader.Mapping(node, "principalPolicy") is not { } map) return;
        string? principal = null;
        var version = "default";
        var parameters = new ParametersSource();
        parameters.LocalVariables.AddRange(topVariables);
        var rules = new List<PrincipalRuleSource>();
        foreach (var (key, keyNode, value) in _reader.Entries(map, "principalPolicy", "principal", "version", "variables", "constants",
                     "rules", "scope", "scopePermissions"))
        {
            switch (key)
            {
                case "principal": principal = _reader.String(value, "principal"); break;
                case "version": version = _reader.String(value, "version") ?? version; break;
                case "variables": Variables(value, parameters); break;
                case "constants": Constants(value, parameters); break;
                case "rules":
                    if (_reader.Sequence(value, "rules") is { } list)
                    {
                        foreach (var item in list.Children)
                        {
                            if (PrincipalRule(item) is { } rule) rules.Add(rule);
                        }
                    }
                    break;
                default: Unsupported(key, keyNode, value); break;
            }
        }
        if (!map.Children.ContainsKey("principal")) _reader.Report(map, "missing field 'principal' in principalPolicy");
        if (principal is not null) _sources.PrincipalPolicies.Add(new(_reader.Locate(map), principal, version, parameters, rules));
    }

    private PrincipalRuleSource? PrincipalRule(YamlNode node)
    {
        if (_reader.Mapping(node, "a principal rule") is not { } map) return null;
        string? resource = null;
        var actions = new List<PrincipalActionSource>();
        foreach (var (key, _, value) in _reader.Entries(map, "a principal rule", "resource", "actions"))
        {
            if (key == "resource")
            {
                resource = _reader.String(value, "resource");
            }
            else if (_reader.Sequence(value, "actions") is { } list)
            {
                foreach (var item in list.Children)
                {
                    if (PrincipalAction(item) is { } action) actions.Add(action);
                }
            }
        }
        if (!map.Children.ContainsKey("resource")) _reader.Report(map, "missing field 'resource' in a principal rule");
        if (!map.Children.ContainsKey("actions")) _reader.Report(map, "missing field 'actions' in a principal rule");
        return resource is null ? null : new(_reader.Locate(map), resource, actions);
    }

    private PrincipalActionSource? PrincipalAction(YamlNode node)
    {
        if (_reader.Mapping(node, "a principal rule action") is not { } map) return null;
        string? name = null, action = null;
        bool? allow = null;
        ConditionSource? condition = null;
        foreach (var (key, _, value) in _reader.Entries(map, "a principal rule action", "name", "action", "effect", "condition", "output"))
        {
            switch (key)
            {
                case "name": name = _reader.String(value, "name"); break;
                case "action": action = _reader.String(value, "action"); break;
                case "effect": allow = Effect(value); break;
                case "condition": condition = Condition(value); break;
            }
        }
        if (!map.Children.ContainsKey("action")) _reader.Report(map, "missing field 'action' in a principal rule action");
        if (!map.Children.ContainsKey("effect")) _reader.Report(map, "missing field 'effect' in a principal rule action (EFFECT_ALLOW or EFFECT_DENY)");
        return action is null || allow is not { } effect ? null : new(_reader.Locate(map), name, action, effect, condition);
    }

    private void ExportVariables(YamlNode node)
    {
        if (_reader.Mapping(node, "exportVariables") is not { } map) return;
        string? name = null;
        var definitions = new List<NamedExpression>();
        foreach (var (key, _, value) in _reader.Entries(map, "exportVariables", "name", "definitions"))
        {
            if (key == "name") name = _reader.String(value, "name");
            else definitions = Definitions(value, "definitions");
        }
        if (!map.Children.ContainsKey("name")) _reader.Report(map, "missing field 'name' in exportVariables");
        if (name is not null) _sources.ExportVariables.Add(new(_reader.Locate(map), name, definitions));
    }

    private void ExportConstants(YamlNode node)
    {
        if (_reader.Mapping(node, "exportConstants") is not { } map) return;
        string? name = null;
        var definitions = new List<NamedValue>();
        foreach (var (key, _, value) in _reader.Entries(map, "exportConstants", "name", "definitions"))
        {
            if (key == "name") name = _reader.String(value, "name");
            else definitions = ConstantDefinitions(value, "definitions");
        }
        if (!map.Children.ContainsKey("name")) _reader.Report(map, "missing field 'name' in exportConstants");
        if (name is not null) _sources.ExportConstants.Add(new(_reader.Locate(map), name, definitions));
    }

    private void Variables(YamlNode node, ParametersSource parameters)
    {
        if (_reader.Mapping(node, "variables") is not { } map) return;
        foreach (var (key, _, value) in _reader.Entries(map, "variables", "import", "local"))
        {
            if (key == "import") parameters.VariableImports.AddRange(_reader.StringNodes(value, "variables.import"));
            else parameters.LocalVariables.AddRange(Definitions(value, "variables.local"));
        }
    }

    private void Constants(YamlNode node, ParametersSource parameters)
    {
        if (_reader.Mapping(node, "constants") is not { } map) return;
        foreach (var (key, _, value) in _reader.Entries(map, "constants", "import", "local"))
        {
            if (key == "import") parameters.ConstantImports.AddRange(_reader.StringNodes(value, "constants.import"));
            else parameters.LocalConstants.AddRange(ConstantDefinitions(value, "constants.local"));
        }
    }

    private List<NamedExpression> Definitions(YamlNode node, string what)
    {
        var result = new List<NamedExpression>();
        if (_reader.Mapping(node, what) is not { } map) return result;
        foreach (var (keyNode, value) in map.Children)
        {
            if (VariableName(keyNode, what) is { } name && _reader.Expression(value, $"variable '{name}'") is { } expr)
                result.Add(new NamedExpression(name, expr, _reader.Locate(keyNode)));
        }
        return result;
    }

    private List<NamedValue> ConstantDefinitions(YamlNode node, string what)
    {
        var result = new List<NamedValue>();
        if (_reader.Mapping(node, what) is not { } map) return result;
        foreach (var (keyNode, value) in map.Children)
        {
            if (VariableName(keyNode, what) is { } name) result.Add(new NamedValue(name, _reader.Value(value), _reader.Locate(keyNode)));
        }
        return result;
    }

    private string? VariableName(YamlNode keyNode, string what)
    {
        if (keyNode is YamlScalarNode { Value: { Length: > 0 } name }
            && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            && name is not ("true" or "false" or "null" or "in"))
            return name;
        _reader.Report(keyNode, $"names in {what} must be identifiers (letters, digits and _, not starting with a digit)");
        return null;
    }

    private bool? Effect(YamlNode node)
    {
        switch ((node as YamlScalarNode)?.Value)
        {
            case "EFFECT_ALLOW": return true;
            case "EFFECT_DENY": return false;
            default:
                _reader.Report(node, $"effect must be EFFECT_ALLOW or EFFECT_DENY, not {(node is YamlScalarNode s ? $"'{s.Value}'" : "a collection")}");
                return null;
        }
    }

    private ConditionSource? Condition(YamlNode node)
    {
        if (_reader.Mapping(node, "condition") is not { } map) return null;
        ConditionSource? result = null;
        foreach (var (key, keyNode, value) in _reader.Entries(map, "condition", "match", "script"))
        {
            if (key == "match") result = Match(value);
            else _reader.Report(keyNode, "'script' conditions (Rego) are not supported; use 'match'");
        }
        if (!map.Children.ContainsKey("match") && !map.Children.ContainsKey("script")) _reader.Report(map, "missing field 'match' in condition");
        return result;
    }

    private ConditionSource? Match(YamlNode node)
    {
        if (_reader.Mapping(node, "match") is not { } map) return null;
        var entries = _reader.Entries(map, "match", "expr", "all", "any", "none");
        if (entries.Count != 1)
        {
            if (entries.Count > 1 || map.Children.Count == 0) _reader.Report(map, "match needs exactly one of expr, all, any, none");
            return null;
        }
        var (key, _, value) = entries[0];
        if (key == "expr") return _reader.Expression(value, "expr") is { } expr ? new ConditionSource(ConditionKind.Expr, expr, []) : null;
        var kind = key switch { "all" => ConditionKind.All, "any" => ConditionKind.Any, _ => ConditionKind.None };
        if (_reader.Mapping(value, key) is not { } group) return null;
        var children = new List<ConditionSource>();
        var ok = true;
        foreach (var (_, _, of) in _reader.Entries(group, key, "of"))
        {
            if (_reader.Sequence(of, $"{key}.of") is not { } list) return null;
            if (list.Children.Count == 0) _reader.Report(of, $"{key}.of needs at least one condition");
            foreach (var item in list.Children)
            {
                if (Match(item) is { } child) children.Add(child);
                else ok = false;
            }
        }
        if (!group.Children.ContainsKey("of")) _reader.Report(group, $"missing field 'of' in {key}");
        return ok && children.Count > 0 ? new ConditionSource(kind, null, children) : null;
    }

    private void Unsupported(string key, YamlNode keyNode, YamlNode value)
    {
        switch (key)
        {
            case "scope" when value is YamlScalarNode s && string.IsNullOrEmpty(s.Value):
            case "scopePermissions":
                return;
            case "scope":
                _reader.Report(keyNode, "scoped policies are not supported by this PDP; remove 'scope'");
                return;
            default:
                _reader.Report(keyNode, "schemas are not supported by this PDP; remove 'schemas'");
                return;
        }
    }
}
