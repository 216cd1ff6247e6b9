namespace Portcullis.AuthZen.Paging;

/// <summary>The entity a search returns; a page token is only valid for the kind of search that issued it.</summary>
internal enum SearchKind : byte
{
    Subject = 1,
    Resource = 2,
    Action = 3,
}
