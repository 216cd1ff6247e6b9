namespace Portcullis.AuthZen.Server;

/// <summary>The default paths of the AuthZEN 1.0 HTTPS binding.</summary>
/// <remarks>AuthZEN 1.0, "HTTPS JSON Binding", table "API Endpoint Overview"; metadata at the RFC 8615 well-known URI.</remarks>
public static class AuthZenPaths
{
    /// <summary>The Access Evaluation endpoint.</summary>
    public const string Evaluation = "/access/v1/evaluation";

    /// <summary>The Access Evaluations endpoint.</summary>
    public const string Evaluations = "/access/v1/evaluations";

    /// <summary>The Subject Search endpoint.</summary>
    public const string SearchSubject = "/access/v1/search/subject";

    /// <summary>The Resource Search endpoint.</summary>
    public const string SearchResource = "/access/v1/search/resource";

    /// <summary>The Action Search endpoint.</summary>
    public const string SearchAction = "/access/v1/search/action";

    /// <summary>The PDP metadata document.</summary>
    public const string Metadata = "/.well-known/authzen-configuration";
}
