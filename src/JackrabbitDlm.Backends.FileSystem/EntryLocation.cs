namespace JackrabbitDlm.Backends.FileSystem;

/// <summary>Where one entry's file and its stripe's lock file are.</summary>
/// <param name="Stripe">The stripe, 0 to 255: the first byte of the key's hash.</param>
/// <param name="EntryPath">The entry's file.</param>
/// <param name="LockPath">The stripe's lock file.</param>
internal readonly record struct EntryLocation(int Stripe, string EntryPath, string LockPath);
