using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JackrabbitDlm.Tools.Wars;

/// <summary>
/// A server to fight through, written <c>HOST:PORT</c> (<c>[::1]:PORT</c> for IPv6).
/// </summary>
/// <param name="Host">The host name or address, without brackets.</param>
/// <param name="Port">The TCP port, 1 to 65535.</param>
public sealed record ServerAddress(string Host, int Port)
{
    /// <summary>Reads <c>HOST:PORT</c>.</summary>
    /// <param name="text">The text, e.g. <c>10.0.0.5:37373</c> or <c>[::1]:37373</c>.</param>
    /// <param name="address">The address read, or null.</param>
    /// <param name="error">Why the text is no address, in a sentence; null when it is one.</param>
    /// <returns>
    /// False when the host is missing or the port is not a number from 1 to 65535.
    /// </returns>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out ServerAddress? address,
        [NotNullWhen(false)] out string? error)
    {
        address = null;
        var colon = text?.LastIndexOf(':') ?? -1;
        if (colon < 0)
        {
            error = $"'{text}' is not HOST:PORT";
            return false;
        }

        var host = text![..colon];
        if (host.Length >= 2 && host[0] == '[' && host[^1] == ']')
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            // Without brackets the port of an IPv6 address cannot be told from its last group.
            error = $"'{text}' needs brackets around its IPv6 address, e.g. [::1]:37373";
            return false;
        }

        if (host.Length == 0)
        {
            error = $"'{text}' names no host";
            return false;
        }

        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture,
                out var port)
            || port is < 1 or > 65535)
        {
            error = $"'{text}' needs a port from 1 to 65535";
            return false;
        }

        address = new ServerAddress(host, port);
        error = null;
        return true;
    }

    /// <summary>The address as <see cref="TryParse"/> reads it.</summary>
    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
