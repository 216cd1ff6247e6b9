using System.Text.Json;
using Portcullis.AuthZen.Client;
using Portcullis.AuthZen.Model;

namespace Portcullis.AuthZen.Tests.Client;

/// <summary>Requests and clients shared by the client tests.</summary>
internal static class Requests
{
    public static EvaluationRequest Read(string subject, string owner) => new()
    {
        Subject = new Subject { Type = "user", Id = subject },
        Action = new AccessAction { Name = "read" },
        Resource = new Resource { Type = "doc", Id = "1", Properties = JsonDocument.Parse($$"""{"owner":"{{owner}}"}""").RootElement.Clone() },
    };

    public static AuthZenHttpClient Client(Uri baseAddress, Action<AuthZenClientOptions>? configure = null)
    {
        var options = new AuthZenClientOptions { BaseAddress = baseAddress };
        configure?.Invoke(options);
        return new AuthZenHttpClient(options);
    }
}
