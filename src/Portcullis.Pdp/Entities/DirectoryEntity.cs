using Portcullis.Cel.Values;

namespace Portcullis.Pdp.Entities;

/// <summary>A subject or resource known to the directory.</summary>
/// <param name="Type">The entity's type, e.g. <c>user</c> or <c>record</c>.</param>
/// <param name="Id">The entity's id, unique within its type (numeric ids in files become their decimal text).</param>
/// <param name="Roles">The subject's roles as listed in the file, or null when the file gives none (always null for resources).</param>
/// <param name="Properties">The entity's properties: a CEL map with string keys, empty when the file gives none.</param>
public sealed record DirectoryEntity(string Type, string Id, IReadOnlyList<string>? Roles, CelMap Properties);
