using System.Globalization;
using System.Security.Cryptography;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Backends.FileSystem;

/// <summary>
/// Where everything lives under the backend's directory:
/// <c>entries/&lt;ss&gt;/&lt;sha256 of key&gt;.entry</c>, one lock file per stripe
/// <c>locks/&lt;ss&gt;.lock</c>, and the fencing token counter <c>token</c> with
/// <c>locks/token.lock</c>. The stripe <c>ss</c> is the first byte of the key's hash.
/// </summary>
/// <remarks>
/// File names come from a hash because entry keys may hold any characters, <c>/</c> and
/// <c>..</c> included, and any length. Lock files are per stripe rather than per entry, so there
/// is a fixed number of them and none is ever deleted: deleting a lock file while another process
/// waits on it would let two processes lock two different files of the same name.
/// </remarks>
internal sealed class StoreLayout
{
    public const int StripeCount = 256;
    public const string EntryExtension = ".entry";
    public const string TemporaryExtension = ".tmp";

    public StoreLayout(string directory)
    {
        Root = Path.GetFullPath(directory);
        EntriesDirectory = Path.Combine(Root, "entries");
        LocksDirectory = Path.Combine(Root, "locks");
        TokenPath = Path.Combine(Root, "token");
        TokenLockPath = Path.Combine(LocksDirectory, "token.lock");
    }

    public string Root { get; }

    public string EntriesDirectory { get; }

    public string LocksDirectory { get; }

    public string TokenPath { get; }

    public string TokenLockPath { get; }

    public EntryLocation Locate(EntryKey key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key.Utf8, hash);
        var stripe = hash[0];
        var fileName = Convert.ToHexStringLower(hash) + EntryExtension;
        var entryPath = Path.Combine(StripeDirectory(stripe), fileName);
        return new EntryLocation(stripe, entryPath, StripeLockPath(stripe));
    }

    public string StripeDirectory(int stripe) =>
        Path.Combine(EntriesDirectory, stripe.ToString("x2", CultureInfo.InvariantCulture));

    public string StripeLockPath(int stripe) =>
        Path.Combine(LocksDirectory, stripe.ToString("x2", CultureInfo.InvariantCulture) + ".lock");
}
