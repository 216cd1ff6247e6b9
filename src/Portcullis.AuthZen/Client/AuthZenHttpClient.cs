using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Portcullis.AuthZen.Model;

namespace Portcullis.AuthZen.Client;

/// <summary>An <see cref="IAuthZenPdp"/> that asks a remote AuthZEN PDP over HTTP: endpoints from its metadata when it
/// publishes some, one pooled keep-alive connection set, a per-call timeout, a circuit breaker, and the ambient
/// <see cref="AuthZenRequestId.Current"/> sent as <c>X-Request-ID</c>.</summary>
/// <remarks>Every failure to get a decision — timeout, refused connection, non-2xx, invalid JSON, a missing or
/// non-boolean <c>decision</c>, an open breaker — throws <see cref="PdpUnavailableException"/>, on which the gateway
/// fails closed. Only the caller's own cancellation throws <see cref="OperationCanceledException"/>. Thread-safe; create
/// one per PDP and keep it. Spec: https://openid.net/specs/authorization-api-1_0.html (HTTPS JSON binding).</remarks>
public sealed class AuthZenHttpClient : IAuthZenPdp, IDisposable
{
    private readonly AuthZenClientOptions _options;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly AuthZenTransport _transport;
    private readonly AuthZenDiscovery _discovery;
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _breakerState = new();

    /// <summary>Creates a client for the PDP <paramref name="options"/> name; throws <see cref="ArgumentException"/>
    /// listing every problem when the options are not usable (see <see cref="AuthZenClientOptions.Validate"/>).</summary>
    public AuthZenHttpClient(AuthZenClientOptions options, ILogger<AuthZenHttpClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _http = new HttpClient(AuthZenTransport.CreateHandler(options), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _transport = new AuthZenTransport(_http, options);
        _discovery = new AuthZenDiscovery(_transport, options, _logger);
        _pipeline = BuildPipeline();
    }

    /// <summary>Gets whether the circuit breaker is open (calls fail fast) or isolated.</summary>
    public bool IsCircuitOpen => _breakerState.CircuitState is CircuitState.Open or CircuitState.Isolated;

    internal int MetadataFetches => _discovery.Fetches;

    /// <inheritdoc />
    public ValueTask<EvaluationResponse> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default) =>
        EvaluateAsync(request, AuthZenRequestId.Current, cancellationToken);

    /// <summary>Decides one request, sending <paramref name="requestId"/> as <c>X-Request-ID</c> when it is valid.</summary>
    public ValueTask<EvaluationResponse> EvaluateAsync(EvaluationRequest request, string? requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(
            static e => e.Evaluation,
            JsonSerializer.SerializeToUtf8Bytes(request, AuthZenJsonContext.Default.EvaluationRequest),
            static (body, origin, _) => AuthZenResponseReader.ReadEvaluation(body, origin),
            0,
            requestId,
            cancellationToken);
    }

    /// <summary>Decides a batch on the Access Evaluations endpoint (AuthZEN 1.0 §7): one decision per item, in order,
    /// fewer when <c>evaluations_semantic</c> short-circuits.</summary>
    public ValueTask<EvaluationsResponse> EvaluateManyAsync(EvaluationsRequest request, CancellationToken cancellationToken = default) =>
        EvaluateManyAsync(request, AuthZenRequestId.Current, cancellationToken);

    /// <inheritdoc />
    public ValueTask<EvaluationsResponse> EvaluationsAsync(EvaluationsRequest request, CancellationToken cancellationToken = default) =>
        EvaluateManyAsync(request, AuthZenRequestId.Current, cancellationToken);

    /// <summary>Decides a batch, sending <paramref name="requestId"/> as <c>X-Request-ID</c> when it is valid.</summary>
    public ValueTask<EvaluationsResponse> EvaluateManyAsync(EvaluationsRequest request, string? requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(
            static e => e.Evaluations,
            JsonSerializer.SerializeToUtf8Bytes(request, AuthZenJsonContext.Default.EvaluationsRequest),
            static (body, origin, expected) => AuthZenResponseReader.ReadEvaluations(body, origin, expected),
            request.Evaluations?.Count ?? 0,
            requestId,
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Subject>> SearchSubjectsAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        SearchAllAsync(request, static e => e.SearchSubject, AuthZenJsonContext.Default.SearchResponseSubject, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Resource>> SearchResourcesAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        SearchAllAsync(request, static e => e.SearchResource, AuthZenJsonContext.Default.SearchResponseResource, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AccessAction>> SearchActionsAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        SearchAllAsync(request, static e => e.SearchAction, AuthZenJsonContext.Default.SearchResponseAccessAction, cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _http.Dispose();

    private async ValueTask<IReadOnlyList<T>> SearchAllAsync<T>(
        SearchRequest request,
        Func<AuthZenEndpoints, Uri> endpoint,
        JsonTypeInfo<SearchResponse<T>> typeInfo,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestId = AuthZenRequestId.Current;
        var results = new List<T>();
        string? token = null;
        for (var page = 0; page < _options.MaxSearchPages; page++)
        {
            var pageRequest = request with { Page = new PageRequest { Token = token, Limit = request.Page?.Limit } };
            var response = await CallAsync(
                endpoint,
                JsonSerializer.SerializeToUtf8Bytes(pageRequest, AuthZenJsonContext.Default.SearchRequest),
                (body, origin, _) => AuthZenResponseReader.ReadSearch(body, origin, typeInfo),
                0,
                requestId,
                cancellationToken).ConfigureAwait(false);
            results.AddRange(response.Results);
            var next = response.Page?.NextToken;
            if (string.IsNullOrEmpty(next)) return results;
            if (next == token) break;
            token = next;
        }
        throw new PdpUnavailableException(
            PdpFailureKind.InvalidResponse,
            $"The PDP at {_options.Origin} did not finish a search within {_options.MaxSearchPages} pages.");
    }

    private async ValueTask<TResult> CallAsync<TResult>(
        Func<AuthZenEndpoints, Uri> endpoint,
        byte[] body,
        Func<byte[], string, int, TResult> read,
        int expected,
        string? requestId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var timer = new CancellationTokenSource(_options.Timeout, _options.TimeProvider);
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timer.Token);
                    try
                    {
                        var endpoints = await _discovery.GetAsync(requestId, linked.Token).ConfigureAwait(false);
                        var answer = await _transport.SendAsync(HttpMethod.Post, endpoint(endpoints), body, requestId, linked.Token).ConfigureAwait(false);
                        return read(answer, _options.Origin, expected);
                    }
                    catch (OperationCanceledException e) when (timer.IsCancellationRequested && !token.IsCancellationRequested)
                    {
                        throw new PdpUnavailableException(
                            PdpFailureKind.Timeout,
                            $"The PDP at {_options.Origin} did not answer within {_options.TimeoutText}.",
                            null,
                            e);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw new PdpUnavailableException(
                PdpFailureKind.CircuitOpen,
                $"The circuit to the PDP at {_options.Origin} is open after repeated failures.",
                null,
                e);
        }
        catch (PdpUnavailableException e)
        {
            AuthZenClientLog.CallFailed(_logger, _options.Origin, e.Kind, e.StatusCode);
            throw;
        }
    }

    private ResiliencePipeline BuildPipeline() => new ResiliencePipelineBuilder { TimeProvider = _options.TimeProvider }
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = _options.BreakerFailureRatio,
            MinimumThroughput = _options.BreakerMinimumThroughput,
            SamplingDuration = _options.BreakerSamplingDuration,
            BreakDuration = _options.BreakerBreakDuration,
            StateProvider = _breakerState,
            ShouldHandle = new PredicateBuilder().Handle<PdpUnavailableException>(CountsAgainstThePdp),
            OnOpened = args =>
            {
                AuthZenClientLog.BreakerOpened(_logger, _options.Origin, args.BreakDuration);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                AuthZenClientLog.BreakerClosed(_logger, _options.Origin);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    // A 4xx other than 408/429 says the request was bad, not that the PDP is down: it must not let crafted requests
    // open the breaker for everyone.
    private static bool CountsAgainstThePdp(PdpUnavailableException e) =>
        e.StatusCode is not (>= 400 and < 500) || e.StatusCode is 408 or 429;
}
