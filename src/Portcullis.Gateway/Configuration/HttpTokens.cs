namespace Portcullis.Gateway.Configuration;

/// <summary>Checks HTTP header names against the RFC 9110 <c>token</c> grammar.</summary>
internal static class HttpTokens
{
    /// <summary>Returns whether <paramref name="name"/> is a non-empty token (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</summary>
    public static bool IsToken(string name)
    {
        if (name.Length == 0) return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !"!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
