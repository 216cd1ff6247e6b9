using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Portcullis.FunctionalTests.Oidc;

/// <summary>A real OpenID provider (npm <c>oidc-provider</c>, pinned in <c>tools/</c>, run by
/// <c>tools/oidc-provider-server.mjs</c>) on a loopback port, with a client-credentials client. Dispose kills it by
/// process id.</summary>
internal sealed class OidcProviderProcess : IAsyncDisposable
{
    /// <summary>The test client's identifier (also the <c>sub</c> of its client-credentials tokens).</summary>
    public const string ClientId = "portcullis-e2e";

    private const string ClientSecret = "portcullis-e2e-secret";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private OidcProviderProcess(ChildProcess process, Uri issuer)
    {
        _process = process;
        Issuer = issuer;
        _http = new HttpClient { BaseAddress = issuer, Timeout = RequestTimeout };
    }

    /// <summary>Gets the issuer, e.g. <c>http://127.0.0.1:41234</c> (its <c>iss</c> has no trailing slash).</summary>
    public Uri Issuer { get; }

    /// <summary>Gets the issuer identifier exactly as the provider writes it in <c>iss</c>.</summary>
    public string IssuerId => Issuer.GetLeftPart(UriPartial.Authority);

    /// <summary>Gets the discovery document address.</summary>
    public Uri Discovery => new(Issuer, "/.well-known/openid-configuration");

    /// <summary>Gets the last lines the provider wrote.</summary>
    public string Output => _process.Output;

    /// <summary>Starts the provider on a free port and waits for its <c>READY</c> line; throws with its output when it
    /// exits first or does not get ready within 30 s.</summary>
    public static Task<OidcProviderProcess> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync([], cancellationToken);

    /// <summary>Starts the provider with <paramref name="extraClients"/> registered beside <see cref="ClientId"/> (passed
    /// in the environment as <c>OIDC_EXTRA_CLIENTS</c>, never on the command line); each one's claims are added to its
    /// access tokens.</summary>
    public static async Task<OidcProviderProcess> StartAsync(IReadOnlyList<OidcTestClient> extraClients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extraClients);
        var script = Path.Combine(RepoPaths.Tools, "oidc-provider-server.mjs");
        if (!Directory.Exists(Path.Combine(RepoPaths.Tools, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"oidc-provider is missing: run `npm ci` in {RepoPaths.Tools}.");
        }
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var environment = new Dictionary<string, string>();
        if (extraClients.Count > 0) environment["OIDC_EXTRA_CLIENTS"] = OidcTestClient.ToJson(extraClients);
        var process = ChildProcess.Start("node", [script, port, ClientId, ClientSecret], RepoPaths.Tools, line =>
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal)) ready.TrySetResult(new Uri(line["READY ".Length..].Trim()));
        }, environment);
        try
        {
            var deadline = DateTime.UtcNow + StartTimeout;
            while (!ready.Task.IsCompleted)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"oidc-provider exited during start-up.\noutput:\n{process.Output}");
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"oidc-provider did not print READY within {StartTimeout.TotalSeconds} s.\noutput:\n{process.Output}");
                }
                await Task.WhenAny(ready.Task, Task.Delay(100, cancellationToken)).ConfigureAwait(false);
            }
            return new OidcProviderProcess(process, await ready.Task.ConfigureAwait(false));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Asks the token endpoint for a client-credentials access token for <paramref name="resource"/> (RFC 8707).</summary>
    public Task<string> GetAccessTokenAsync(string resource, string scope, CancellationToken cancellationToken = default) =>
        GetAccessTokenAsync(ClientId, ClientSecret, resource, scope, cancellationToken);

    /// <summary>Asks the token endpoint for a client-credentials access token of <paramref name="client"/> (one of the
    /// extra clients the provider was started with) for <paramref name="resource"/> (RFC 8707).</summary>
    public Task<string> GetAccessTokenAsync(OidcTestClient client, string resource, string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return GetAccessTokenAsync(client.ClientId, client.ClientSecret, resource, scope, cancellationToken);
    }

    private async Task<string> GetAccessTokenAsync(string clientId, string clientSecret, string resource, string scope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["resource"] = resource,
                ["scope"] = scope,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}\noutput:\n{Output}");
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()
            ?? throw new InvalidOperationException($"The token response has no access_token: {body}");
    }

    /// <summary>Makes the provider sign with a new key (the previous one stays published) and returns the new key id.</summary>
    public async Task<string> RotateKeysAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync(new Uri("/admin/rotate-keys", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("kid").GetString() ?? throw new InvalidOperationException($"No kid in {body}");
    }

    /// <summary>Kills the provider by process id.</summary>
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
