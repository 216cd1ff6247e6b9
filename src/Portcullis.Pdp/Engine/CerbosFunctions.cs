using System.Net;
using Portcullis.Cel;
using Portcullis.Cel.Library;
using Portcullis.Cel.Values;

namespace Portcullis.Pdp.Engine;

/// <summary>The functions Cerbos adds to CEL: <c>now()</c>, <c>timeSince</c>, list set operations and
/// <c>inIPAddrRange</c>. <c>now()</c> is one value per check, read from the check's clock.</summary>
internal static class CerbosFunctions
{
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Builds the registry every policy expression compiles against.</summary>
    public static CelFunctionRegistry CreateRegistry(CelOptions options)
    {
        var registry = StandardLibrary.Create(options);
        registry.Add("now", CelCallStyle.Global, 0, static _ => Now());
        registry.Add("timeSince", CelCallStyle.Both, 1, static args => TimeSince(args[0]));
        AddSetFunction(registry, "except", Except);
        AddSetFunction(registry, "intersect", Intersect);
        AddSetFunction(registry, "hasIntersection", HasIntersection);
        AddSetFunction(registry, "has_intersection", HasIntersection);
        AddSetFunction(registry, "isSubset", IsSubset);
        AddSetFunction(registry, "is_subset", IsSubset);
        registry.Add("inIPAddrRange", CelCallStyle.Member, 2, static args => InIPAddrRange(args));
        return registry;
    }

    // Without a running check (e.g. while constant folding at compile time) these fail, so they are never folded.
    private static CelValue Now() =>
        EvaluationContext.Active is { } context ? context.Now() : CelValue.Error("now() is only available while evaluating a policy");

    private static CelValue TimeSince(CelValue timestamp)
    {
        if (timestamp.Kind != CelValueKind.Timestamp) return CelFunctionRegistry.NoOverload("timeSince", [timestamp]);
        var now = Now();
        if (now.IsError) return now;
        var seconds = now.TimestampSeconds - timestamp.TimestampSeconds;
        var nanos = (long)now.TimestampNanos - timestamp.TimestampNanos;
        return CelValue.Duration(checked(seconds * NanosPerSecond + nanos));
    }

    private static void AddSetFunction(CelFunctionRegistry registry, string name, Func<CelList, CelList, CelValue> body) =>
        registry.Add(name, CelCallStyle.Both, 2, args =>
            args[0].Kind == CelValueKind.List && args[1].Kind == CelValueKind.List
                ? body(args[0].AsList, args[1].AsList)
                : CelFunctionRegistry.NoOverload(name, args));

    private static bool Contains(CelList list, in CelValue value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (CelOperators.EqualsValue(list[i], value)) return true;
        }
        return false;
    }

    private static CelValue Except(CelList a, CelList b) => CelValue.List(CelList.Of([.. a.Where(x => !Contains(b, x))]));

    private static CelValue Intersect(CelList a, CelList b) => CelValue.List(CelList.Of([.. a.Where(x => Contains(b, x))]));

    private static CelValue HasIntersection(CelList a, CelList b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (Contains(b, a[i])) return CelValue.True;
        }
        return CelValue.False;
    }

    private static CelValue IsSubset(CelList a, CelList b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (!Contains(b, a[i])) return CelValue.False;
        }
        return CelValue.True;
    }

    private static CelValue InIPAddrRange(ReadOnlySpan<CelValue> args)
    {
        if (args[0].Kind != CelValueKind.String || args[1].Kind != CelValueKind.String)
            return CelFunctionRegistry.NoOverload("inIPAddrRange", args);
        if (!IPAddress.TryParse(args[0].AsString, out var address))
            return CelValue.Error($"failed to parse IP address '{args[0].AsString}'");
        if (!IPNetwork.TryParse(args[1].AsString, out var network))
            return CelValue.Error($"failed to parse CIDR '{args[1].AsString}'");
        if (address.IsIPv4MappedToIPv6 && network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            address = address.MapToIPv4();
        return CelValue.Bool(network.Contains(address));
    }
}
