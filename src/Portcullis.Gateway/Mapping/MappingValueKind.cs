namespace Portcullis.Gateway.Mapping;

/// <summary>How a configured mapping value is produced at request time.</summary>
public enum MappingValueKind
{
    /// <summary>A constant JSON value, written as configured.</summary>
    Literal,

    /// <summary>A dotted path into the validated token's claims (<c>claim::realm_access.roles</c>).</summary>
    Claim,

    /// <summary>A CEL expression over <c>token</c> and <c>request</c> (<c>$token.tenant + "-" + request.params.id</c>).</summary>
    Expression,
}
