using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>
/// A comprehension macro over a list (elements, or index and element) or a map (keys, or key and value).
/// Every iteration is charged to the evaluation's <see cref="IterationBudget"/>.
/// </summary>
internal sealed class ComprehensionNode(
    int position,
    ComprehensionKind kind,
    Interpretable range,
    string var1,
    string? var2,
    Interpretable? predicate,
    Interpretable? transform,
    int iterationLimit) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var source = range.Eval(activation);
        if (source.IsError) return source;
        if (source.Kind is not (CelValueKind.List or CelValueKind.Map))
            return Fail($"expression of type '{source.TypeName}' cannot be the range of a comprehension");

        var scope = new Scope(activation, var1, var2, iterationLimit);
        return kind switch
        {
            ComprehensionKind.All => Quantify(source, scope, stopOn: false),
            ComprehensionKind.Exists => Quantify(source, scope, stopOn: true),
            ComprehensionKind.ExistsOne => CountOne(source, scope),
            ComprehensionKind.Filter => FilterList(source, scope),
            ComprehensionKind.TransformList => TransformList(source, scope),
            _ => TransformMap(source, scope),
        };
    }

    private CelValue Quantify(CelValue source, Scope scope, bool stopOn)
    {
        CelValue? error = null;
        for (var cursor = new RangeCursor(source, var2 is not null); cursor.MoveNext();)
        {
            if (!Enter(scope, cursor)) return BudgetExceeded(scope);
            var p = predicate!.Eval(scope);
            if (p.Kind == CelValueKind.Bool)
            {
                if (p.AsBool == stopOn) return p;
                continue;
            }
            error ??= p.IsError ? p : Fail(CelError.NoSuchOverload(stopOn ? "exists" : "all", p).Message);
        }
        return error ?? CelValue.Bool(!stopOn);
    }

    private CelValue CountOne(CelValue source, Scope scope)
    {
        var count = 0;
        for (var cursor = new RangeCursor(source, var2 is not null); cursor.MoveNext();)
        {
            if (!Enter(scope, cursor)) return BudgetExceeded(scope);
            var p = predicate!.Eval(scope);
            if (p.IsError) return p;
            if (p.Kind != CelValueKind.Bool) return Fail(CelError.NoSuchOverload("exists_one", p).Message);
            if (p.AsBool) count++;
        }
        return CelValue.Bool(count == 1);
    }

    private CelValue FilterList(CelValue source, Scope scope)
    {
        var results = new List<CelValue>();
        for (var cursor = new RangeCursor(source, var2 is not null); cursor.MoveNext();)
        {
            if (!Enter(scope, cursor)) return BudgetExceeded(scope);
            var keep = Test(scope);
            if (keep.IsError) return keep;
            if (keep.AsBool) results.Add(var2 is null ? cursor.First : cursor.Second);
        }
        return CelValue.List(CelList.Of([.. results]));
    }

    private CelValue TransformList(CelValue source, Scope scope)
    {
        var results = new List<CelValue>();
        for (var cursor = new RangeCursor(source, var2 is not null); cursor.MoveNext();)
        {
            if (!Enter(scope, cursor)) return BudgetExceeded(scope);
            var keep = Test(scope);
            if (keep.IsError) return keep;
            if (!keep.AsBool) continue;
            var v = transform!.Eval(scope);
            if (v.IsError) return v;
            results.Add(v);
        }
        return CelValue.List(CelList.Of([.. results]));
    }

    private CelValue TransformMap(CelValue source, Scope scope)
    {
        var results = CelMap.NewDictionary();
        for (var cursor = new RangeCursor(source, var2 is not null); cursor.MoveNext();)
        {
            if (!Enter(scope, cursor)) return BudgetExceeded(scope);
            var keep = Test(scope);
            if (keep.IsError) return keep;
            if (!keep.AsBool) continue;
            var v = transform!.Eval(scope);
            if (v.IsError) return v;
            if (kind == ComprehensionKind.TransformMap)
            {
                results[cursor.First] = v;
                continue;
            }
            if (v.Kind != CelValueKind.Map) return Fail($"transformMapEntry must produce a map, not '{v.TypeName}'");
            foreach (var (key, value) in v.AsMap)
            {
                if (!results.TryAdd(key, value)) return Fail($"transformMapEntry produced the key {key} twice");
            }
        }
        return CelValue.Map(CelMap.Of(results));
    }

    /// <summary>Evaluates the optional filter predicate; true when there is none.</summary>
    private CelValue Test(Scope scope)
    {
        if (predicate is null) return CelValue.True;
        var p = predicate.Eval(scope);
        if (p.IsError || p.Kind == CelValueKind.Bool) return p;
        return Fail(CelError.NoSuchOverload("filter", p).Message);
    }

    private static bool Enter(Scope scope, in RangeCursor cursor)
    {
        scope.Value1 = cursor.First;
        scope.Value2 = cursor.Second;
        return scope.Budget.TryTake();
    }

    private CelValue BudgetExceeded(Scope scope) =>
        Fail($"comprehension iteration limit exceeded ({scope.Budget.Limit} iterations in one evaluation)");
}
