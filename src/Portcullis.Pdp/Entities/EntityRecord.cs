namespace Portcullis.Pdp.Entities;

/// <summary>An entity read from a file, with where it was defined (for duplicate reports).</summary>
internal sealed record EntityRecord(DirectoryEntity Entity, bool IsSubject, string File, int Line, int Column);
