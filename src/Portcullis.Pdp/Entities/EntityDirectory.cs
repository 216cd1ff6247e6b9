using System.Diagnostics.CodeAnalysis;

namespace Portcullis.Pdp.Entities;

/// <summary>
/// The policy information point: subjects and resources with their roles and properties, looked up by type and id.
/// Immutable and thread-safe; replaced as a whole on reload. Load one with <see cref="EntityDirectoryLoader"/>.
/// </summary>
public sealed class EntityDirectory
{
    private readonly Dictionary<(string Type, string Id), DirectoryEntity> _subjects = [];
    private readonly Dictionary<(string Type, string Id), DirectoryEntity> _resources = [];
    private readonly Dictionary<string, List<DirectoryEntity>> _subjectsByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DirectoryEntity>> _resourcesByType = new(StringComparer.Ordinal);

    /// <summary>Creates a directory of <paramref name="subjects"/> and <paramref name="resources"/>, kept in the given
    /// order; the first of two entities with the same type and id wins (the loader reports such duplicates).</summary>
    public EntityDirectory(IEnumerable<DirectoryEntity> subjects, IEnumerable<DirectoryEntity> resources)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(resources);
        Add(subjects, _subjects, _subjectsByType);
        Add(resources, _resources, _resourcesByType);
    }

    /// <summary>Gets a directory with no entities.</summary>
    public static EntityDirectory Empty { get; } = new([], []);

    /// <summary>Gets the number of subjects.</summary>
    public int SubjectCount => _subjects.Count;

    /// <summary>Gets the number of resources.</summary>
    public int ResourceCount => _resources.Count;

    /// <summary>Finds the subject with <paramref name="type"/> and <paramref name="id"/> (ordinal, case-sensitive).</summary>
    public bool TryGetSubject(string type, string id, [NotNullWhen(true)] out DirectoryEntity? subject) =>
        _subjects.TryGetValue((type, id), out subject);

    /// <summary>Finds the resource with <paramref name="type"/> and <paramref name="id"/> (ordinal, case-sensitive).</summary>
    public bool TryGetResource(string type, string id, [NotNullWhen(true)] out DirectoryEntity? resource) =>
        _resources.TryGetValue((type, id), out resource);

    /// <summary>Returns the subjects of <paramref name="type"/> in file order (files by path, then as listed).</summary>
    public IReadOnlyList<DirectoryEntity> Subjects(string type) =>
        _subjectsByType.TryGetValue(type, out var list) ? list : [];

    /// <summary>Returns the resources of <paramref name="type"/> in file order (files by path, then as listed).</summary>
    public IReadOnlyList<DirectoryEntity> Resources(string type) =>
        _resourcesByType.TryGetValue(type, out var list) ? list : [];

    private static void Add(
        IEnumerable<DirectoryEntity> entities,
        Dictionary<(string, string), DirectoryEntity> byKey,
        Dictionary<string, List<DirectoryEntity>> byType)
    {
        foreach (var entity in entities)
        {
            if (!byKey.TryAdd((entity.Type, entity.Id), entity)) continue;
            if (!byType.TryGetValue(entity.Type, out var list)) byType[entity.Type] = list = [];
            list.Add(entity);
        }
    }
}
