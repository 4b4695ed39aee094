using System.Globalization;
using System.Text.RegularExpressions;
using JackrabbitDlm.Engine.Validation;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Names of quarantine files: <c>yyyyMMdd-HHmmss-ffffff-&lt;8-digit sequence&gt;-&lt;reason&gt;.req</c>
/// in UTC, so that ordinal order is the order of arrival.
/// </summary>
internal static partial class QuarantineFileName
{
    /// <summary>A name for a request refused at <paramref name="utcNow"/>.</summary>
    public static string Create(DateTimeOffset utcNow, long sequence, RefusalReason reason) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{utcNow.UtcDateTime:yyyyMMdd-HHmmss-ffffff}-{sequence % 100_000_000:D8}-{reason}.req");

    /// <summary>True for a name <see cref="Create"/> makes; other files are not ours to count or delete.</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex(
        @"^[0-9]{8}-[0-9]{6}-[0-9]{6}-[0-9]{8}-[A-Za-z]+\.req\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
