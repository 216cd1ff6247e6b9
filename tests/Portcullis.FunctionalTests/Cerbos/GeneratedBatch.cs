using System.Text.Json.Nodes;

namespace Portcullis.FunctionalTests.Cerbos;

/// <summary>One generated AuthZEN evaluations call.</summary>
/// <param name="Body">The <c>/access/v1/evaluations</c> request body (may use top-level defaults).</param>
/// <param name="Items">Each evaluation with the defaults applied, as a single <c>/access/v1/evaluation</c> request
/// (what a failure message shows).</param>
internal sealed record GeneratedBatch(JsonObject Body, IReadOnlyList<JsonObject> Items);
