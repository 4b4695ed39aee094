namespace JackrabbitDlm.Engine.Validation;

/// <summary>
/// Why a request was refused with <c>BadPayload</c> before it ran. The names are the reasons the
/// event log writes as <c>DLMerror/&lt;reason&gt;</c>, which existing tools read.
/// </summary>
public enum RefusalReason
{
    /// <summary>The line is not an encoded JSON object with fields of the right types.</summary>
    Payload,

    /// <summary>A required field is missing, or <c>Expire</c> is not a usable number.</summary>
    KeyVerify,

    /// <summary>The value is longer than the requester may store.</summary>
    MaxDataStoreSize,

    /// <summary>An anonymous request asked for a TTL above the cap.</summary>
    MaxTTL,

    /// <summary>The identity name, file or secret did not check out.</summary>
    Identity,
}
