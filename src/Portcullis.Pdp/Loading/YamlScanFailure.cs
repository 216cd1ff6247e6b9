namespace Portcullis.Pdp.Loading;

/// <summary>Describes YAML that YamlDotNet's scanner gives up on without saying why (it throws
/// <see cref="InvalidOperationException"/> rather than a YamlException, e.g. for <c>key: [a</c> followed by more
/// mapping lines); the position reported with it is where the scanner stopped.</summary>
internal static class YamlScanFailure
{
    /// <summary>The message for such a failure.</summary>
    public const string Message = "cannot read the YAML past this point (is a '[' or '{' before it left unclosed?)";
}
