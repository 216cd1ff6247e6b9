using Portcullis.AuthZen.Server;

namespace Portcullis.AuthZen.Client;

/// <summary>The absolute URLs of a remote PDP's AuthZEN endpoints.</summary>
internal sealed record AuthZenEndpoints(Uri Evaluation, Uri Evaluations, Uri SearchSubject, Uri SearchResource, Uri SearchAction)
{
    /// <summary>Returns the standard paths under the base address (store-scoped for OpenFGA).</summary>
    public static AuthZenEndpoints Standard(AuthZenClientOptions options)
    {
        var root = ApiRoot(options);
        return new(
            Under(root, AuthZenPaths.Evaluation),
            Under(root, AuthZenPaths.Evaluations),
            Under(root, AuthZenPaths.SearchSubject),
            Under(root, AuthZenPaths.SearchResource),
            Under(root, AuthZenPaths.SearchAction));
    }

    /// <summary>Returns the metadata URL: the well-known path inserted between the origin and the PDP's path
    /// (AuthZEN 1.0 §9.2); OpenFGA scopes it by store id instead.</summary>
    public static Uri MetadataUrl(AuthZenClientOptions options)
    {
        var origin = options.BaseAddress!.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        var path = options.Platform == AuthZenPlatform.OpenFga
            ? "/" + options.StoreId
            : options.BaseAddress.AbsolutePath.TrimEnd('/');
        return new Uri(origin + AuthZenPaths.Metadata + path);
    }

    private static Uri ApiRoot(AuthZenClientOptions options)
    {
        var text = options.BaseAddress!.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (options.Platform == AuthZenPlatform.OpenFga) text += "/stores/" + options.StoreId;
        return new Uri(text);
    }

    private static Uri Under(Uri root, string path) => new(root.OriginalString + path);
}
