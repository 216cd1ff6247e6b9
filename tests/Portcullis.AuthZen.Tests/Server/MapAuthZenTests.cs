using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Portcullis.AuthZen.Server;

namespace Portcullis.AuthZen.Tests.Server;

public sealed class MapAuthZenTests
{
    [Fact]
    public async Task MapAuthZen_WithoutAddAuthZenServer_FailsFast()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton<IAuthZenPdp>(new OwnerPdp());
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapAuthZen());

        Assert.Contains("AddAuthZenServer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapAuthZen_WithoutPdp_FailsFast()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthZenServer();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapAuthZen());

        Assert.Contains(nameof(IAuthZenPdp), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapAuthZen_InvalidOptions_ListsEveryProblem()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton<IAuthZenPdp>(new OwnerPdp());
        builder.Services.AddAuthZenServer(o =>
        {
            o.DefaultPageSize = 0;
            o.MaxRequestBodySize = 0;
        });
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapAuthZen());

        Assert.Contains("DefaultPageSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRequestBodySize", error.Message, StringComparison.Ordinal);
    }
}
