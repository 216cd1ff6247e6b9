namespace Portcullis.FunctionalTests.Interop;

/// <summary>The AuthZEN endpoint an interop case is posted to.</summary>
public enum InteropEndpoint
{
    /// <summary><c>POST /access/v1/evaluation</c>; the expected value is a boolean decision.</summary>
    Evaluation,

    /// <summary><c>POST /access/v1/evaluations</c>; the expected value is the list of decision objects.</summary>
    Evaluations,

    /// <summary><c>POST /access/v1/search/subject</c>; the expected value is <c>{"results": [...]}</c>.</summary>
    SearchSubject,

    /// <summary><c>POST /access/v1/search/resource</c>; the expected value is <c>{"results": [...]}</c>.</summary>
    SearchResource,

    /// <summary><c>POST /access/v1/search/action</c>; the expected value is <c>{"results": [...]}</c>.</summary>
    SearchAction,
}
