namespace Portcullis.Cel.Library;

/// <summary>Raised inside <see cref="Re2Translator"/> for a pattern RE2 rejects or that cannot be run safely;
/// never escapes <see cref="CelRegex"/>, which turns it into an error value.</summary>
internal sealed class Re2SyntaxException : Exception
{
    /// <summary>Creates the exception with a message describing what is wrong with the pattern.</summary>
    public Re2SyntaxException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public Re2SyntaxException()
    {
    }

    /// <summary>Creates the exception wrapping <paramref name="innerException"/>.</summary>
    public Re2SyntaxException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
