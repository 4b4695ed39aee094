namespace JackrabbitDlm.Server.Options;

/// <summary>
/// The names <see cref="DlmServerOptions.Backend"/> accepts. The host library knows only the
/// names: the command line opens the backend itself, so a server kept in memory carries no
/// SQLite or Redis dependency.
/// </summary>
public static class BackendNames
{
    /// <summary>Entries in the server's memory (the default); gone when the process ends.</summary>
    public const string Memory = "memory";

    /// <summary>Entries in one SQLite database file.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>Entries as files in one directory.</summary>
    public const string FileSystem = "filesystem";

    /// <summary>Entries in Redis, which several servers on any machines may share.</summary>
    public const string Redis = "redis";

    /// <summary>Every accepted name, in the order help texts list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Memory, Sqlite, FileSystem, Redis];

    /// <summary>True for a name in <see cref="All"/>, in lower case.</summary>
    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
