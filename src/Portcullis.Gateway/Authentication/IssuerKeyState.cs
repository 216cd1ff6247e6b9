using Microsoft.IdentityModel.Tokens;

namespace Portcullis.Gateway.Authentication;

/// <summary>An issuer's keys together with the validation parameters built from them once.</summary>
/// <param name="Keys">The keys.</param>
/// <param name="Parameters">The parameters every token of the issuer is validated with while these keys are held.</param>
internal sealed record IssuerKeyState(IssuerKeys Keys, TokenValidationParameters Parameters);
