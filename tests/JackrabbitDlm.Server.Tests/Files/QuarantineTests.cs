using System.Text;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;
using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Files;

public sealed class QuarantineTests : IDisposable
{
    private readonly TempBase _base = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 4, 12, 34, 56, TimeSpan.Zero).AddTicks(10));

    public void Dispose() => _base.Dispose();

    private string Folder => _base.Directories.Quarantine;

    [Fact]
    public void Keep_EncodedRequest_StoresItsDecodedTextUnderAnOrderedName()
    {
        var quarantine = NewQuarantine();
        var line = Encoded("""{"ID": "owner-A", "FileName": "job", "Action": "Lock", "Expire": "9999"}""");

        var name = quarantine.Keep(line, RefusalReason.MaxTTL);

        Assert.Equal("20261204-123456-000001-00000001-MaxTTL.req", name);
        Assert.Equal(
            """{"ID": "owner-A", "FileName": "job", "Action": "Lock", "Expire": "9999"}""",
            File.ReadAllText(Path.Combine(Folder, name)));
    }

    [Fact]
    public void Keep_RequestWithIdentity_ReplacesTheSecretAndKeepsTheRest()
    {
        var secret = Secret();
        var line = RequestLine.Build(
            "owner-A", "job", DlmAction.Lock, 5, identityName: "alice", identitySecret: secret);

        var name = NewQuarantine().Keep(line.AsSpan(0, line.Length - 1), RefusalReason.Identity);

        var kept = File.ReadAllText(Path.Combine(Folder, name));
        Assert.Contains("\"Identity\": \"<redacted>\"", kept, StringComparison.Ordinal);
        Assert.Contains("\"Name\": \"alice\"", kept, StringComparison.Ordinal);
        Assert.Contains("\"FileName\": \"job\"", kept, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..16], kept, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("IDENTITY")]
    [InlineData("iDentity")]
    public void Keep_SecretUnderAnotherCaseOfIdentity_IsRedacted(string field)
    {
        var secret = Secret();
        var json = "{\"ID\": \"q\", \"FileName\": \"qf\", \"Action\": \"Lock\", \"Expire\": \"5\", "
            + $"\"Name\": \"alice\", \"{field}\": \"{secret}\"}}";
        var line = System.Text.Encoding.ASCII.GetBytes(DlmTextEncoding.EncodeText(json));

        var name = NewQuarantine().Keep(line, RefusalReason.Identity);

        var kept = File.ReadAllText(Path.Combine(Folder, name));
        Assert.DoesNotContain(secret[..16], kept, StringComparison.Ordinal);
        Assert.Contains("\"FileName\": \"qf\"", kept, StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_SecretInEveryKindOfRefusedLine_NeverReachesAFile()
    {
        var secret = Secret();
        var json = $$"""{"ID": "o", "Name": "alice", "Identity": "{{secret}}", "Action": "Lock", "Expire": "5"}""";
        var first = $$"""{"Identity": "{{secret}}", "ID": "o", "Action": "Lock"}""";
        string[] texts =
        [
            json,
            first,
            json.Replace("\"Expire\": \"5\"", "\"Expire\": NaN", StringComparison.Ordinal),
            json.Replace("\"Identity\"", "\"\\u0049dentity\"", StringComparison.Ordinal),
            json.Replace("\"Identity\"", "\"\\u0049dentity\"", StringComparison.Ordinal) + ",",
            $$"""{"Identity": {"nested": ["{{secret}}"]}, "Identity": "{{secret}}"}""",
            $$$"""[{"deep": {"Identity": "{{{secret}}}"}}]""",
            $$"""{"DataStore": "{{new string('v', 100_000)}}", "Identity": "{{secret}}"}""",
            $$"""{"identity": "{{secret}}", "ID": broken""",
        ];
        var lines = new List<byte[]>();
        foreach (var text in texts)
        {
            var encoded = Encoded(text);
            lines.Add(encoded);
            lines.Add(Encoding.UTF8.GetBytes(text));
            lines.Add([.. " \t"u8, .. encoded, .. "\r"u8]);
            lines.Add([.. encoded, (byte)'1']);
            lines.Add([(byte)'1', .. encoded]);
            lines.Add([.. encoded[..^3], .. encoded[^2..]]);
            lines.Add(Encoded([0xFF, .. Encoding.UTF8.GetBytes(text)]));
        }

        var quarantine = NewQuarantine(maxFiles: 1000);
        foreach (var line in lines)
        {
            Assert.NotEqual(Quarantine.NothingKept, quarantine.Keep(line, RefusalReason.Payload));
        }

        var files = Directory.GetFiles(Folder);
        Assert.Equal(lines.Count, files.Length);
        var encodedSecret = DlmTextEncoding.EncodeText(secret);
        foreach (var file in files)
        {
            var kept = File.ReadAllText(file);
            AssertNoFragment(secret, kept, 12);
            AssertNoFragment(encodedSecret, kept, 24);
        }
    }

    [Fact]
    public void Keep_PropertyNameThatIsNotUtf8_IsKeptAndTheSecretIsNot()
    {
        var secret = Secret();
        byte[][] texts =
        [
            [.. "{\"ID\": \"a\", \"F"u8, 0xFF, .. "x\": 1}"u8],
            [.. "{\"F"u8, 0xFF, .. "\": 1, \"Identity\": \""u8, .. Encoding.UTF8.GetBytes(secret), .. "\"}"u8],
            [.. "{\"Identit"u8, 0xFF, .. "\": \""u8, .. Encoding.UTF8.GetBytes(secret), .. "\"}"u8],
        ];
        var quarantine = NewQuarantine();

        var names = texts.Select(text => quarantine.Keep(Encoded(text), RefusalReason.Payload)).ToList();

        Assert.DoesNotContain(Quarantine.NothingKept, names);
        Assert.StartsWith("{\"ID\": \"a\", \"F", File.ReadAllText(Path.Combine(Folder, names[0])));
        foreach (var name in names)
        {
            AssertNoFragment(secret, File.ReadAllText(Path.Combine(Folder, name)), 12);
        }
    }

    [Fact]
    public void Keep_MoreFilesThanAllowed_KeepsTheNewest()
    {
        var quarantine = NewQuarantine(maxFiles: 3);

        var names = Enumerable.Range(0, 5)
            .Select(i => quarantine.Keep(Encoded($$"""{"n": {{i}}}"""), RefusalReason.Payload))
            .ToList();

        Assert.Equal(names[2..], Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keep_MoreBytesThanAllowed_StaysWithinTheBudget()
    {
        var quarantine = NewQuarantine(maxFiles: 100, maxBytes: 250);

        for (var i = 0; i < 10; i++)
        {
            quarantine.Keep(Encoded($$"""{"n": {{i}}, "pad": "{{new string('p', 80)}}"}"""), RefusalReason.Payload);
        }

        var files = Directory.GetFiles(Folder);
        Assert.True(files.Sum(f => new FileInfo(f).Length) <= 250);
        var newest = File.ReadAllText(files.Order(StringComparer.Ordinal).Last());
        Assert.Contains("\"n\": 9", newest, StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_HugeRequest_IsCappedPerFile()
    {
        var text = $$"""{"DataStore": "{{new string('d', 200_000)}}"}""";

        var name = NewQuarantine().Keep(Encoded(text), RefusalReason.MaxDataStoreSize);

        Assert.Equal(Quarantine.MaxRequestBytes, new FileInfo(Path.Combine(Folder, name)).Length);
    }

    [Fact]
    public void Keep_FilesOfAnEarlierRun_CountTowardTheLimit()
    {
        var earlier = NewQuarantine(maxFiles: 2);
        var oldest = earlier.Keep(Encoded("{}"), RefusalReason.Payload);
        var older = earlier.Keep(Encoded("[]"), RefusalReason.Payload);
        File.WriteAllText(Path.Combine(Folder, "README"), "an operator's note");
        _time.Advance(TimeSpan.FromSeconds(1));

        var newest = NewQuarantine(maxFiles: 2).Keep(Encoded("{\"x\": 1}"), RefusalReason.Payload);

        Assert.Equal(
            [older, newest, "README"],
            Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.NotEqual(oldest, newest);
    }

    [Fact]
    public void Keep_ZeroLimits_KeepsNothing()
    {
        Assert.Equal("-", NewQuarantine(maxFiles: 0).Keep(Encoded("{}"), RefusalReason.Payload));
        Assert.Equal("-", NewQuarantine(maxBytes: 0).Keep(Encoded("{}"), RefusalReason.Payload));
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public void Keep_FolderMissing_ReturnsDashWithoutThrowing()
    {
        var quarantine = NewQuarantine();
        Directory.Delete(Folder);

        Assert.Equal("-", quarantine.Keep(Encoded("{}"), RefusalReason.Payload));

        Directory.CreateDirectory(Folder);
        Assert.NotEqual("-", quarantine.Keep(Encoded("{}"), RefusalReason.Payload));
    }

    [Fact]
    public void Keep_UnixFiles_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var name = NewQuarantine().Keep(Encoded("{}"), RefusalReason.Payload);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Folder, name)));
    }

    private Quarantine NewQuarantine(int maxFiles = 100, long maxBytes = 10_000_000) =>
        new(_base.Directories, maxFiles, maxBytes, _time);

    private static byte[] Encoded(string text) => Encoded(Encoding.UTF8.GetBytes(text));

    private static byte[] Encoded(byte[] bytes) => Encoding.ASCII.GetBytes(DlmTextEncoding.EncodeBytes(bytes));

    // A URL-safe secret like the original generator's, long enough for any identity file.
    private static string Secret()
    {
        const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var random = new Random(20261204);
        return string.Concat(Enumerable.Range(0, 1100).Select(_ => UrlSafe[random.Next(UrlSafe.Length)]));
    }

    private static void AssertNoFragment(string secret, string kept, int length)
    {
        for (var i = 0; i + length <= secret.Length; i++)
        {
            Assert.DoesNotContain(secret.Substring(i, length), kept, StringComparison.Ordinal);
        }
    }
}
