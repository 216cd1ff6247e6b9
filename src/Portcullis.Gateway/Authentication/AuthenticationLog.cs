using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Authentication;

/// <summary>Log messages of the authentication stage; never a token or a key.</summary>
internal static partial class AuthenticationLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Fetching the signing keys of issuer {Issuer} failed: {Reason}")]
    public static partial void KeyFetchFailed(ILogger logger, string issuer, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "The discovery document for issuer {Issuer} names issuer {Published}; its keys are not used")]
    public static partial void DiscoveryIssuerMismatch(ILogger logger, string issuer, string published);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Issuer {Issuer} rotated its keys: {Current} current, {Previous} kept from the previous set")]
    public static partial void KeysRotated(ILogger logger, string issuer, int current, int previous);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "A token of issuer {Issuer} names an unknown key; refreshing its keys")]
    public static partial void UnknownKeyRefresh(ILogger logger, string issuer);
}
