using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Tests.Authentication;

public sealed class ConnectionTokenMemoTests
{
    private const string TokenA = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
    private const string TokenB = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl";

    [Fact]
    public void DigestOf_AnotherToken_IsThatTokensDigestNeverTheRememberedOne()
    {
        var memo = new ConnectionTokenMemo();
        var first = "Bearer " + TokenA;
        var second = "Bearer " + TokenB;

        Assert.Equal(TokenDigest.Of(TokenA), memo.DigestOf(first, first.AsSpan(7)));
        Assert.Equal(TokenDigest.Of(TokenB), memo.DigestOf(second, second.AsSpan(7)));
        Assert.Equal(TokenDigest.Of(TokenA), memo.DigestOf(first, first.AsSpan(7)));
    }

    [Fact]
    public void DigestOf_EqualTextInAnotherString_IsHashedAgainToTheSameDigest()
    {
        var memo = new ConnectionTokenMemo();
        var header = "Bearer " + TokenA;
        var copy = new string(header.AsSpan());

        var remembered = memo.DigestOf(header, header.AsSpan(7));
        var again = memo.DigestOf(copy, copy.AsSpan(7));

        Assert.NotSame(header, copy);
        Assert.Equal(remembered, again);
        Assert.Equal(TokenDigest.Of(TokenA), again);
    }

    [Fact]
    public async Task Kestrel_UnchangedAuthorizationOnAKeepAliveConnection_IsTheSameStringInstance()
    {
        // The memo only saves work because Kestrel reuses an unchanged header value's string on a connection; when a
        // Kestrel update stops doing so, tokens are hashed per request again (still correct) and this test says why.
        var seen = new List<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.Run(context =>
        {
            lock (seen) seen.Add(context.Request.Headers.Authorization.ToString());
            return context.Response.WriteAsync("ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = new Uri(address) };

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + TokenA);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal(3, seen.Count);
        Assert.Same(seen[0], seen[1]);
        Assert.Same(seen[1], seen[2]);
    }
}
