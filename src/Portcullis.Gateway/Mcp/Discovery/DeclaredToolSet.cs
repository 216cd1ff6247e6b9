namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>An upstream's recorded tools at one moment: the last complete list and the pages of a list in progress.
/// Immutable; the store swaps it whole, so lookups never lock.</summary>
/// <typeparam name="TCompiled">The compiled mapping's type.</typeparam>
internal sealed class DeclaredToolSet<TCompiled>
{
    /// <summary>Gets the set before any list was seen.</summary>
    public static DeclaredToolSet<TCompiled> Empty { get; } = new(new Dictionary<string, DeclaredTool<TCompiled>>(StringComparer.Ordinal), complete: false, truncated: false, pending: null);

    public DeclaredToolSet(
        IReadOnlyDictionary<string, DeclaredTool<TCompiled>> current, bool complete, bool truncated, DeclaredToolPages<TCompiled>? pending)
    {
        Current = current;
        Complete = complete;
        Truncated = truncated;
        Pending = pending;
        UiLinks = IndexUiLinks(current, pending);
    }

    /// <summary>Gets the tools of the last complete list (or of pages merged without their first page).</summary>
    public IReadOnlyDictionary<string, DeclaredTool<TCompiled>> Current { get; }

    /// <summary>Gets whether <see cref="Current"/> came from a complete list.</summary>
    public bool Complete { get; }

    /// <summary>Gets whether tools were left out of <see cref="Current"/> by the bound.</summary>
    public bool Truncated { get; }

    /// <summary>Gets the pages of the list in progress, or null.</summary>
    public DeclaredToolPages<TCompiled>? Pending { get; }

    /// <summary>Gets the tools linking each MCP Apps resource, names sorted ordinally.</summary>
    public IReadOnlyDictionary<string, string[]> UiLinks { get; }

    /// <summary>Finds a tool: the list in progress is newer than the last complete one.</summary>
    public DeclaredMappingLookup<TCompiled> Find(string name)
    {
        if (Pending is not null && Pending.Tools.TryGetValue(name, out var pending))
        {
            return new(pending.Kind, pending);
        }

        if (Current.TryGetValue(name, out var tool))
        {
            return new(tool.Kind, tool);
        }

        return new(Complete && !Truncated && Pending is not { Truncated: true } ? DeclaredMappingKind.NotListed : DeclaredMappingKind.Unknown, null);
    }

    /// <summary>Returns a listed tool whose name is not <paramref name="name"/> but equals it once both are trimmed,
    /// Unicode-normalized (NFKC: full-width and compatibility forms folded) and compared ignoring case; or null.</summary>
    public string? CaseVariantOf(string name)
    {
        var loose = Loose(name);
        foreach (var tools in Pending is null ? [Current] : new[] { Current, Pending.Tools })
        {
            foreach (var listed in tools.Keys)
            {
                if (!string.Equals(listed, name, StringComparison.Ordinal) && string.Equals(Loose(listed), loose, StringComparison.OrdinalIgnoreCase))
                {
                    return listed;
                }
            }
        }

        return null;
    }

    private static string Loose(string name)
    {
        var trimmed = name.Trim();
        try
        {
            return trimmed.Normalize(System.Text.NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Not valid UTF-16 (a lone surrogate): compared as it is.
            return trimmed;
        }
    }

    private static Dictionary<string, string[]> IndexUiLinks(
        IReadOnlyDictionary<string, DeclaredTool<TCompiled>> current, DeclaredToolPages<TCompiled>? pending)
    {
        var links = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var tools in pending is null ? [current] : new[] { current, pending.Tools })
        {
            foreach (var tool in tools.Values)
            {
                foreach (var uri in tool.UiResourceUris)
                {
                    if (!links.TryGetValue(uri, out var names))
                    {
                        links[uri] = names = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    names.Add(tool.Name);
                }
            }
        }

        return links.ToDictionary(static p => p.Key, static p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
