using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>Field selection and indexing, plain and optional, including optional chaining: selecting from or
/// indexing into an optional value yields an optional.</summary>
internal static class Access
{
    public static CelValue Select(in CelValue operand, string field)
    {
        switch (operand.Kind)
        {
            case CelValueKind.Map:
                return operand.AsMap.TryGetValue(field, out var value) ? value : CelValue.Error($"no such key: '{field}'");
            case CelValueKind.Optional:
                return OptionalSelect(operand, field);
            case CelValueKind.Error:
                return operand;
            default:
                return CelValue.Error($"no such key: '{field}' (type '{operand.TypeName}' has no fields)");
        }
    }

    public static CelValue OptionalSelect(in CelValue operand, string field)
    {
        switch (operand.Kind)
        {
            case CelValueKind.Map:
                return operand.AsMap.TryGetValue(field, out var value) ? CelValue.OptionalOf(value) : CelValue.OptionalNone;
            case CelValueKind.Optional:
                var optional = operand.AsOptional;
                return optional.HasValue ? OptionalSelect(optional.Value, field) : operand;
            case CelValueKind.Error:
                return operand;
            default:
                return CelValue.Error($"no such key: '{field}' (type '{operand.TypeName}' has no fields)");
        }
    }

    /// <summary>Tests a field's presence for <c>has(operand.field)</c>.</summary>
    public static CelValue Has(in CelValue operand, string field)
    {
        switch (operand.Kind)
        {
            case CelValueKind.Map:
                return CelValue.Bool(operand.AsMap.TryGetValue(field, out _));
            case CelValueKind.Optional:
                var optional = operand.AsOptional;
                return optional.HasValue ? Has(optional.Value, field) : CelValue.False;
            case CelValueKind.Error:
                return operand;
            default:
                return CelValue.Error($"no such overload: has() on type '{operand.TypeName}'");
        }
    }

    public static CelValue Index(in CelValue operand, in CelValue key)
    {
        if (key.IsError) return key;
        switch (operand.Kind)
        {
            case CelValueKind.List:
                var list = operand.AsList;
                if (!TryListIndex(key, out var i)) return CelValue.Error(CelError.NoSuchOverload("_[_]", operand, key));
                return i >= 0 && i < list.Count ? list[(int)i] : CelValue.Error($"index out of bounds: {i}");
            case CelValueKind.Map:
                if (!IsKeyKind(key.Kind)) return CelValue.Error(CelError.NoSuchOverload("_[_]", operand, key));
                return operand.AsMap.TryGetValue(key, out var value) ? value : CelValue.Error($"no such key: {key}");
            case CelValueKind.Optional:
                return OptionalIndex(operand, key);
            case CelValueKind.Error:
                return operand;
            default:
                return CelValue.Error(CelError.NoSuchOverload("_[_]", operand, key));
        }
    }

    public static CelValue OptionalIndex(in CelValue operand, in CelValue key)
    {
        if (key.IsError) return key;
        switch (operand.Kind)
        {
            case CelValueKind.List:
                var list = operand.AsList;
                if (!TryListIndex(key, out var i)) return CelValue.Error(CelError.NoSuchOverload("_[?_]", operand, key));
                return i >= 0 && i < list.Count ? CelValue.OptionalOf(list[(int)i]) : CelValue.OptionalNone;
            case CelValueKind.Map:
                if (!IsKeyKind(key.Kind)) return CelValue.Error(CelError.NoSuchOverload("_[?_]", operand, key));
                return operand.AsMap.TryGetValue(key, out var value) ? CelValue.OptionalOf(value) : CelValue.OptionalNone;
            case CelValueKind.Optional:
                var optional = operand.AsOptional;
                return optional.HasValue ? OptionalIndex(optional.Value, key) : operand;
            case CelValueKind.Error:
                return operand;
            default:
                return CelValue.Error(CelError.NoSuchOverload("_[?_]", operand, key));
        }
    }

    /// <summary>Implements <c>element in collection</c>: list membership by equality, map key presence.</summary>
    public static CelValue In(in CelValue element, in CelValue collection)
    {
        if (element.IsError) return element;
        switch (collection.Kind)
        {
            case CelValueKind.List:
                var list = collection.AsList;
                for (var i = 0; i < list.Count; i++)
                {
                    if (CelOperators.EqualsValue(element, list[i])) return CelValue.True;
                }
                return CelValue.False;
            case CelValueKind.Map:
                return CelValue.Bool(IsKeyKind(element.Kind) && collection.AsMap.TryGetValue(element, out _));
            case CelValueKind.Error:
                return collection;
            default:
                return CelValue.Error(CelError.NoSuchOverload("@in", element, collection));
        }
    }

    public static bool IsKeyKind(CelValueKind kind) =>
        kind is CelValueKind.String or CelValueKind.Int or CelValueKind.Uint or CelValueKind.Bool or CelValueKind.Double;

    private static bool TryListIndex(in CelValue key, out long index)
    {
        switch (key.Kind)
        {
            case CelValueKind.Int:
                index = key.AsInt;
                return true;
            case CelValueKind.Uint:
                index = key.AsUint > int.MaxValue ? int.MaxValue : (long)key.AsUint;
                return true;
            case CelValueKind.Double when key.AsDouble == Math.Floor(key.AsDouble) && Math.Abs(key.AsDouble) < 1e15:
                index = (long)key.AsDouble;
                return true;
            default:
                index = 0;
                return false;
        }
    }
}
