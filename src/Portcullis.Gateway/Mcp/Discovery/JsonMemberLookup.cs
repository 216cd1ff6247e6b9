namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>The outcome of <see cref="JsonMembers.TryGetSingle"/>.</summary>
internal enum JsonMemberLookup
{
    /// <summary>The object has no such member.</summary>
    Missing,

    /// <summary>The object has the member exactly once.</summary>
    Found,

    /// <summary>The object has the member more than once.</summary>
    Duplicate,
}
