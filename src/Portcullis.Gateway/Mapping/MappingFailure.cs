namespace Portcullis.Gateway.Mapping;

/// <summary>Why a request could not be mapped to an AuthZEN evaluation (an expression error, a missing subject id).</summary>
/// <param name="Path">The mapping part that failed, e.g. <c>subject.id</c> or <c>subject.properties.tenant</c>.</param>
/// <param name="Message">What went wrong, naming claims but never their values or any token.</param>
public sealed record MappingFailure(string Path, string Message)
{
    /// <summary>Gets the decision record's reason code for a mapping failure.</summary>
    public const string Reason = "mapping_failed";

    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
