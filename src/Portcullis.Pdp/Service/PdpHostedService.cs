using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portcullis.Pdp.Service;

/// <summary>Resolves the <see cref="PdpHost"/> when the application starts, so a bad initial load stops start-up with
/// a <see cref="PdpLoadException"/> listing every problem instead of failing the first request.</summary>
internal sealed class PdpHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<PdpHost>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
