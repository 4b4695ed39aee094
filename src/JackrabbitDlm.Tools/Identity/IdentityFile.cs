using System.Text.Json;

namespace JackrabbitDlm.Tools.Identity;

/// <summary>
/// An identity file, <c>Config/&lt;Name&gt;.cfg</c>: <c>{"Identity": "&lt;secret&gt;"}</c>,
/// optionally with <c>"MaxSize"</c>, the largest value in characters the identity may store.
/// </summary>
/// <param name="Secret">The identity secret.</param>
/// <param name="MaxSize">The size limit from the file, or null when the file has none.</param>
public sealed record IdentityFile(string Secret, long? MaxSize)
{
    /// <summary>The size limit the server applies when a file gives none.</summary>
    public const long DefaultMaxSize = 16384;

    // The file's keys, as the original server reads them.
    private const string SecretKey = "Identity";
    private const string MaxSizeKey = "MaxSize";

    /// <summary>The size limit in force: the file's, or <see cref="DefaultMaxSize"/>.</summary>
    public long EffectiveMaxSize => MaxSize ?? DefaultMaxSize;

    /// <summary>Reads an identity file.</summary>
    /// <exception cref="ToolException">
    /// The file is missing, unreadable, not JSON, or has no string <c>Identity</c>.
    /// </exception>
    public static IdentityFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"cannot read the identity file {path}: {e.Message}", e);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(SecretKey, out var secret)
                || secret.ValueKind != JsonValueKind.String)
            {
                throw new ToolException($"the identity file {path} has no \"Identity\" text");
            }

            long? maxSize = root.TryGetProperty(MaxSizeKey, out var size)
                && size.ValueKind == JsonValueKind.Number
                && size.TryGetInt64(out var limit)
                ? limit
                : null;
            return new IdentityFile(secret.GetString()!, maxSize);
        }
        catch (JsonException e)
        {
            throw new ToolException($"the identity file {path} is not JSON: {e.Message}", e);
        }
    }
}
