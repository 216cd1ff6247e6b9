using System.Collections.Concurrent;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>Binds each MCP session (the <c>Mcp-Session-Id</c> a server gave in answer to a request the gateway forwarded)
/// to the caller it was created for, so another caller presenting that session id is refused as if the session did not
/// exist (HTTP 404, which tells an MCP client to start a new session).</summary>
/// <remarks>
/// <para>Without it, a second user holding a valid token and someone else's session id would act inside that session:
/// the MCP server usually never sees the token (it is withheld unless <c>pass_token</c>), so it cannot tell them apart.</para>
/// <para>In memory and per process: a session the gateway did not see created (another replica, a restart) is
/// unknown and allowed, each message still decided for its own caller. Bounded: at <see cref="MaxSessions"/>, sessions
/// idle for an hour are dropped; if it is still full, new sessions are not bound. DELETE forgets a session.</para>
/// </remarks>
internal sealed class McpSessionBinding(TimeProvider time)
{
    /// <summary>The most sessions remembered.</summary>
    public const int MaxSessions = 100_000;

    private static readonly TimeSpan IdleLimit = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string Route, string Session), Entry> _sessions = new();
    private readonly Lock _sweepGate = new();

    /// <summary>What is known of a session id for a caller.</summary>
    public enum Ownership
    {
        /// <summary>The gateway did not see the session created.</summary>
        Unknown,

        /// <summary>The session was created for this caller.</summary>
        Owner,

        /// <summary>The session was created for another caller.</summary>
        Other,
    }

    /// <summary>Returns whether <paramref name="caller"/> owns <paramref name="sessionId"/> on <paramref name="routeId"/>.</summary>
    public Ownership Check(string routeId, string sessionId, string caller)
    {
        if (!_sessions.TryGetValue((routeId, sessionId), out var entry)) return Ownership.Unknown;
        if (!string.Equals(entry.Caller, caller, StringComparison.Ordinal)) return Ownership.Other;
        entry.LastSeen = time.GetUtcNow();
        return Ownership.Owner;
    }

    /// <summary>Records that the server created <paramref name="sessionId"/> for <paramref name="caller"/>; a session
    /// already bound keeps its first owner. Returns false when the table is full.</summary>
    public bool Bind(string routeId, string sessionId, string caller)
    {
        if (_sessions.Count >= MaxSessions && !Sweep()) return false;
        _sessions.TryAdd((routeId, sessionId), new Entry(caller) { LastSeen = time.GetUtcNow() });
        return true;
    }

    /// <summary>Forgets <paramref name="sessionId"/> (the client ended it with DELETE).</summary>
    public void Forget(string routeId, string sessionId) => _sessions.TryRemove((routeId, sessionId), out _);

    /// <summary>Returns the key a caller is bound by: the subject and the agent, so neither another user nor another
    /// client of the same user can take the session over.</summary>
    public static string CallerKey(string? subject, string? agent) => (subject ?? "") + "\n" + (agent ?? "");

    private bool Sweep()
    {
        lock (_sweepGate)
        {
            var cutoff = time.GetUtcNow() - IdleLimit;
            foreach (var (key, entry) in _sessions)
            {
                if (entry.LastSeen < cutoff) _sessions.TryRemove(key, out _);
            }

            return _sessions.Count < MaxSessions;
        }
    }

    private sealed class Entry(string caller)
    {
        public string Caller { get; } = caller;

        public DateTimeOffset LastSeen { get; set; }
    }
}
