using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Portcullis.FunctionalTests.Interop;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>The AuthZEN API-gateway interop scenario through a real <c>portcullis serve</c>: a token issuer (JWKS on
/// loopback), a recording upstream, and one route per path of the scenario's <c>openapi.json</c> with its methods.
/// Subclasses choose the PDP. Each case's outcome is kept and a summary is written to <c>artifacts/</c> at the end.</summary>
public abstract class ApiGatewayFixture : IAsyncLifetime
{
    /// <summary>The audience of the API's tokens.</summary>
    public const string Audience = "api://authzen-todo";

    private readonly ConcurrentDictionary<int, (ApiGatewayCase Case, string? Failure)> outcomes = new();
    private TestIssuerServer? issuer;
    private EchoUpstream? upstream;
    private PortcullisGatewayProcess? gateway;
    private HttpClient? client;
    private IReadOnlyDictionary<string, string[]> roles = new Dictionary<string, string[]>();

    /// <summary>Gets the scenario's sample folder.</summary>
    public static string Sample => Path.Combine(RepoPaths.Samples, "interop", "api-gateway");

    /// <summary>Gets the client whose base address is the gateway.</summary>
    public HttpClient Client => client ?? throw new InvalidOperationException("The gateway is not running.");

    /// <summary>Gets the upstream behind every route.</summary>
    public EchoUpstream Upstream => upstream ?? throw new InvalidOperationException("The upstream is not running.");

    /// <summary>Gets the folder the configuration is written to.</summary>
    protected TempFolder Folder { get; } = new();

    /// <summary>Gets the PDP's name in the summary, e.g. <c>embedded PDP</c>.</summary>
    protected abstract string PdpName { get; }

    /// <summary>Gets the summary file's name suffix, e.g. <c>embedded</c>.</summary>
    public abstract string RunName { get; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        roles = ReadDirectoryRoles();
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        upstream = await EchoUpstream.StartAsync();
        var (topLevel, authzen) = await PreparePdpAsync(timeout.Token);
        var config = new StringBuilder(topLevel).Append(CultureInfo.InvariantCulture, $"""
            issuers:
              - issuer: {issuer.Issuer}
                jwks_uri: {issuer.JwksUri}
                audiences: [{Audience}]
            routes:

            """);
        foreach (var (template, methods) in OpenApiRoutes())
        {
            config.Append(CultureInfo.InvariantCulture, $"""
                  - id: {template.Trim('/').Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)}
                    path: {template}
                    methods: [{string.Join(", ", methods)}]
                    upstream: {upstream.BaseAddress}

                """);
            if (authzen.Length > 0) config.Append("    authzen: ").Append(authzen).Append('\n');
        }
        gateway = await PortcullisGatewayProcess.StartAsync(Folder.Write("portcullis.yaml", config.ToString()), timeout.Token);
        client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>Starts or locates the PDP; returns the configuration's top-level PDP section (or empty) and the
    /// routes' <c>authzen</c> block as one line of JSON (or empty for the default mapping).</summary>
    protected abstract Task<(string TopLevel, string AuthZenBlock)> PreparePdpAsync(CancellationToken cancellationToken);

    /// <summary>Signs a token whose <c>sub</c> is <paramref name="subjectId"/> and whose <c>roles</c> claim holds the
    /// roles the scenario's directory gives that identity (the identity provider and the directory agree).</summary>
    public string Token(string subjectId)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subjectId,
            ["roles"] = roles.TryGetValue(subjectId, out var r) ? r : [],
        };
        return issuer!.Issue(TestKey.Rsa1, Audience, JsonSerializer.Serialize(claims));
    }

    /// <summary>Records a case's outcome for the summary (null failure = passed).</summary>
    public void Record(ApiGatewayCase c, string? failure) => outcomes[c.Index] = (c, failure);

    /// <summary>Gets the gateway's last output lines, for failure messages.</summary>
    public string GatewayOutput => gateway?.Output ?? "";

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (!outcomes.IsEmpty) await File.WriteAllTextAsync(Path.Combine(RepoPaths.Artifacts, $"api-gateway-interop-{RunName}.txt"), Summary());
        client?.Dispose();
        if (gateway is not null) await gateway.DisposeAsync();
        await DisposePdpAsync();
        if (upstream is not null) await upstream.DisposeAsync();
        if (issuer is not null) await issuer.DisposeAsync();
        Folder.Dispose();
    }

    /// <summary>Stops what <see cref="PreparePdpAsync"/> started.</summary>
    protected virtual ValueTask DisposePdpAsync() => ValueTask.CompletedTask;

    private string Summary()
    {
        var all = outcomes.Values.OrderBy(o => o.Case.Index).ToList();
        var total = InteropCatalog.Count(ApiGatewayCase.File, "evaluation");
        var passed = all.Count(o => o.Failure is null);
        var allowed = all.Where(o => o.Case.Expected).ToList();
        var denied = all.Where(o => !o.Case.Expected).ToList();
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"AuthZEN api-gateway interop through `portcullis serve` ({PdpName}): {passed} of {total} cases passed")
            .Append(all.Count < total ? $" ({all.Count} ran)\n" : "\n")
            .Append(CultureInfo.InvariantCulture, $"  expected allow -> upstream reached: {allowed.Count(o => o.Failure is null)} of {allowed.Count}\n")
            .Append(CultureInfo.InvariantCulture, $"  expected deny -> 403, upstream untouched: {denied.Count(o => o.Failure is null)} of {denied.Count}\n");
        foreach (var (c, failure) in all.Where(o => o.Failure is not null)) text.Append(CultureInfo.InvariantCulture, $"FAIL {c}: {failure}\n");
        return text.ToString();
    }

    private static Dictionary<string, string[]> ReadDirectoryRoles()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Sample, "directory", "identities.json")));
        return document.RootElement.GetProperty("subjects").EnumerateArray().ToDictionary(
            s => s.GetProperty("id").GetString()!,
            s => s.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray(),
            StringComparer.Ordinal);
    }

    private static IEnumerable<(string Template, string[] Methods)> OpenApiRoutes()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SharedInterop, "api-gateway", "openapi.json")));
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .Select(p => (p.Name, p.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant()).ToArray()))];
    }
}
