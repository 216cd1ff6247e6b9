using Portcullis.Pdp.Loading;

namespace Portcullis.Pdp.Entities;

/// <summary>
/// Loads an <see cref="EntityDirectory"/> from every <c>*.json</c>, <c>*.yaml</c> and <c>*.yml</c> file under a
/// folder, recursively (hidden files are skipped). Files are read in ordinal order of their paths, and entities keep
/// that order, which is the order search results come in.
/// </summary>
/// <remarks>
/// <para>Each file (JSON, or YAML with one or more documents) is a mapping with two optional lists:</para>
/// <code>
/// subjects:
///   - type: user            # required, a non-empty string
///     id: alice             # required, a non-empty string or an integer (101 becomes "101")
///     roles: [manager]      # optional, a list of strings: the principal's roles
///     properties:           # optional, a mapping: the principal's attributes (P.attr)
///       department: Sales
/// resources:
///   - type: record          # required
///     id: 101               # required
///     properties:           # optional: the resource's attributes (R.attr)
///       owner: alice
/// </code>
/// <para>The JSON form is the same: <c>{"subjects": [{"type": "user", "id": "alice", "roles": ["manager"],
/// "properties": {"department": "Sales"}}], "resources": [{"type": "record", "id": 101, "properties": {...}}]}</c>.
/// Any other field is an error, as are a missing type or id, values of the wrong type, and a second entity with the
/// same type and id (subjects and resources are separate). Plain YAML scalars follow the YAML 1.2 core schema, so
/// <c>yes</c> is a string and <c>1.5</c> a double, exactly as in JSON. Loading never throws for bad content: every
/// problem comes back as a <see cref="SourceDiagnostic"/> with file, line and column.</para>
/// <para>How directory data and request data combine is documented on
/// <see cref="Mapping.AuthZenMapper"/>.</para>
/// </remarks>
public static class EntityDirectoryLoader
{
    private const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Loads every directory file under <paramref name="path"/>.</summary>
    public static EntityDirectoryLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!System.IO.Directory.Exists(path))
        {
            return new EntityDirectoryLoadResult(null, [new SourceDiagnostic(path, 0, 0, "the directory folder does not exist")]);
        }
        var diagnostics = new List<SourceDiagnostic>();
        var entities = new List<EntityRecord>();
        var seen = new Dictionary<(bool, string, string), EntityRecord>();
        foreach (var file in ListFiles(path, diagnostics))
        {
            var fileDiagnostics = new List<SourceDiagnostic>();
            var fileEntities = new List<EntityRecord>();
            if (ReadText(file, fileDiagnostics) is { } text) EntityFileReader.Read(file, text, fileEntities, fileDiagnostics);
            foreach (var record in fileEntities)
            {
                var key = (record.IsSubject, record.Entity.Type, record.Entity.Id);
                if (seen.TryGetValue(key, out var first))
                {
                    var kind = record.IsSubject ? "subject" : "resource";
                    fileDiagnostics.Add(new SourceDiagnostic(file, record.Line, record.Column,
                        $"duplicate {kind} '{record.Entity.Type}:{record.Entity.Id}' (first defined at {first.File}:{first.Line}:{first.Column})"));
                    continue;
                }
                seen[key] = record;
                entities.Add(record);
            }
            diagnostics.AddRange(fileDiagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column));
        }
        if (diagnostics.Count > 0) return new EntityDirectoryLoadResult(null, diagnostics);
        var directory = new EntityDirectory(
            entities.Where(e => e.IsSubject).Select(e => e.Entity),
            entities.Where(e => !e.IsSubject).Select(e => e.Entity));
        return new EntityDirectoryLoadResult(directory, []);
    }

    private static List<string> ListFiles(string path, List<SourceDiagnostic> diagnostics)
    {
        try
        {
            var files = System.IO.Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true })
                .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".JSON" or ".YAML" or ".YML")
                .ToList();
            files.Sort(StringComparer.Ordinal);
            return files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new SourceDiagnostic(path, 0, 0, $"cannot list the folder: {e.Message}"));
            return [];
        }
    }

    private static string? ReadText(string file, List<SourceDiagnostic> diagnostics)
    {
        try
        {
            if (new FileInfo(file).Length > MaxFileBytes)
            {
                diagnostics.Add(new SourceDiagnostic(file, 0, 0, $"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB"));
                return null;
            }
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new SourceDiagnostic(file, 0, 0, $"cannot read the file: {e.Message}"));
            return null;
        }
    }
}
