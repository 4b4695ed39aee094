namespace JackrabbitDlm.Engine.Entries;

/// <summary>A value (wire <c>DataStore</c>) as UTF-8 bytes, with its length in code points.</summary>
public sealed class EntryValue
{
    public EntryValue(byte[] utf8, int length)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Utf8 = utf8;
        Length = length;
    }

    public byte[] Utf8 { get; }

    /// <summary>The length in Unicode code points, as the size limits count it.</summary>
    public int Length { get; }
}
