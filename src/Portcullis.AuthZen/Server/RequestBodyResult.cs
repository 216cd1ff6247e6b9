namespace Portcullis.AuthZen.Server;

/// <summary>A parsed request body, or the status and message to answer with.</summary>
internal readonly record struct RequestBodyResult<T>(T? Value, int Status, string? Error)
    where T : class;
