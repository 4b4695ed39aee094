namespace JackrabbitDlm.Protocol.Wire;

/// <summary>Why a request line could not be read. Every one of these is answered <c>BadPayload</c>.</summary>
public enum RequestError
{
    /// <summary>The line is read.</summary>
    None,

    /// <summary>The line is not a valid text encoding (odd length, foreign character, bad pair).</summary>
    NotEncoded,

    /// <summary>The decoded bytes are not valid UTF-8.</summary>
    NotUtf8,

    /// <summary>The text is not JSON, is nested too deeply, or has trailing content.</summary>
    NotJson,

    /// <summary>The JSON is not an object.</summary>
    NotObject,

    /// <summary>A key appears twice in the object.</summary>
    DuplicateKey,

    /// <summary>A field has the wrong JSON type.</summary>
    WrongType,

    /// <summary><c>ID</c>, <c>FileName</c>, <c>Action</c> or <c>Expire</c> is missing.</summary>
    MissingField,

    /// <summary><c>Expire</c> is not a number, or not a finite one.</summary>
    BadExpire,
}
