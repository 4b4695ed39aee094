namespace JackrabbitDlm.Server.Options;

/// <summary>
/// Shows a StackExchange.Redis configuration string without its password, for help texts and
/// messages: the string itself must never be written out whole.
/// </summary>
public static class RedisConfigurationText
{
    /// <summary>
    /// The string with the value of its <c>password</c> option replaced by <c>***</c>, e.g.
    /// <c>redis:6379,password=***,ssl=true</c>; <c>none</c> when empty.
    /// </summary>
    public static string Redact(string configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return "none";
        }

        var parts = configuration.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? parts[i][..equals].Trim() : string.Empty;
            if (string.Equals(key, "password", StringComparison.OrdinalIgnoreCase))
            {
                parts[i] = string.Concat(parts[i].AsSpan(0, equals + 1), "***");
            }
        }

        return string.Join(',', parts);
    }
}
