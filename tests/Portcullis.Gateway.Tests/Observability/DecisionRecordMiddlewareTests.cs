using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portcullis.Gateway.Observability;

namespace Portcullis.Gateway.Tests.Observability;

/// <summary>The outer middleware alone, for what a real gateway cannot be made to do on demand: a stage that throws,
/// a client that goes away.</summary>
public sealed class DecisionRecordMiddlewareTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordCollector records = new();

    [Fact]
    public async Task Invoke_StageThrows_Answers500ProblemAndRecordsInternalError()
    {
        var context = NewContext("/todos/1");

        await Middleware(_ => throw new InvalidOperationException("a stage broke")).InvokeAsync(context);

        Assert.Equal(500, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        var body = await BodyAsync(context);
        Assert.DoesNotContain("a stage broke", body, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        var record = Assert.Single(records.All);
        Assert.Equal(record.RequestId, problem.RootElement.GetProperty("request_id").GetString());
        Assert.Equal(500, record.Status);
        Assert.Equal("internal_error", record.Reason);
    }

    [Fact]
    public async Task Invoke_ClientGoneDuringTheRequest_Records499()
    {
        var context = NewContext("/todos/1");
        using var aborted = new CancellationTokenSource();
        context.RequestAborted = aborted.Token;

        await Middleware(async c =>
        {
            await aborted.CancelAsync();
            c.RequestAborted.ThrowIfCancellationRequested();
        }).InvokeAsync(context);

        var record = Assert.Single(records.All);
        Assert.Equal(DecisionRecordMiddleware.ClientClosedRequest, record.Status);
        Assert.Equal("client_closed", record.Reason);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/READYZ")]
    [InlineData("/metrics/")]
    public async Task Invoke_GatewayEndpoint_WritesNoRecord(string path)
    {
        var context = NewContext(path);

        await Middleware(c =>
        {
            c.Response.StatusCode = 200;
            return Task.CompletedTask;
        }).InvokeAsync(context);

        Assert.Empty(records.All);
    }

    public void Dispose() => services.Dispose();

    private static DefaultHttpContext NewContext(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<string> BodyAsync(HttpContext context)
    {
        await context.Response.BodyWriter.FlushAsync();
        var stream = (MemoryStream)context.Response.Body;
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private DecisionRecordMiddleware Middleware(RequestDelegate next) =>
        new(next,
            new DecisionRecorder([records], new GatewayMetrics(services.GetRequiredService<IMeterFactory>()), NullLogger<DecisionRecorder>.Instance),
            TimeProvider.System,
            NullLogger<DecisionRecordMiddleware>.Instance);
}
