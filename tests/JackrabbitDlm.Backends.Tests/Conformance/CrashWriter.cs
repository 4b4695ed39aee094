using System.Diagnostics;
using System.Globalization;
using System.Text;
using JackrabbitDlm.Backends.FileSystem;
using JackrabbitDlm.Backends.Redis;
using JackrabbitDlm.Backends.Sqlite;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Rules;

namespace JackrabbitDlm.Backends.Tests.Conformance;

/// <summary>
/// The durability tests' writer: a child process (this test assembly started with
/// <c>crash-writer</c>) that puts a stream of values and prints <c>ack N</c> after each one its
/// backend acknowledged, and the parent side that starts it, kills it mid-stream and collects
/// the acknowledgements.
/// </summary>
internal static class CrashWriter
{
    public const string Owner = "crash-writer";

    public const string Usage =
        "usage: crash-writer sqlite PATH | filesystem DIRECTORY | redis CONFIGURATION PREFIX";

    private const int MaxWrites = 100_000;

    public static string KeyOf(int index) => $"crash/{index}";

    /// <summary>
    /// The value of write <paramref name="index"/>: every fourth one large, so the kill often
    /// lands in the middle of a long write.
    /// </summary>
    public static EntryValue ValueOf(int index)
    {
        var size = index % 4 == 0 ? 256 * 1024 : 2 * 1024;
        var text = new StringBuilder(size);
        text.Append(CultureInfo.InvariantCulture, $"write {index}:");
        while (text.Length < size)
        {
            text.Append((char)('a' + ((index + text.Length) % 26)));
        }

        return Commands.Value(text.ToString());
    }

    /// <summary>The child: writes until killed, or <see cref="MaxWrites"/> so it never runs forever.</summary>
    public static async Task<int> WriteUntilKilledAsync(IReadOnlyList<string> arguments)
    {
        await using var backend = await OpenAsync(arguments);
        for (var index = 0; index < MaxWrites; index++)
        {
            var command = Commands.Put(KeyOf(index), Owner, ValueOf(index), Commands.LongTtl);
            var result = await backend.ExecuteAsync(command, overloaded: false, CancellationToken.None);
            if (result.Outcome != ActionOutcome.PutNew)
            {
                Console.WriteLine($"fail {index} {result.Outcome}");
                return 1;
            }

            Console.WriteLine($"ack {index}");
        }

        return 0;
    }

    /// <summary>The parent: starts the child and kills it (SIGKILL) after enough acknowledgements.</summary>
    /// <returns>Every write the child acknowledged before it died.</returns>
    public static async Task<IReadOnlyList<int>> RunAndKillAsync(
        IReadOnlyList<string> arguments, int acknowledgementsBeforeKill)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CrashWriter).Assembly.Location);
        start.ArgumentList.Add("crash-writer");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var acknowledged = new List<int>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (acknowledged.Count < acknowledgementsBeforeKill)
            {
                var line = await process.StandardOutput.ReadLineAsync(deadline.Token);
                if (line is null)
                {
                    throw new InvalidOperationException($"The crash writer ended early: {await errors}");
                }

                Record(line, acknowledged);
            }
        }
        finally
        {
            // SIGKILL on Unix: the writer gets no chance to flush or close anything.
            process.Kill();
        }

        // Lines already in the pipe were printed, so acknowledged, before the kill.
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Record(line, acknowledged);
        }

        await process.WaitForExitAsync();
        return acknowledged;
    }

    private static void Record(string line, List<int> acknowledged)
    {
        if (line.StartsWith("ack ", StringComparison.Ordinal)
            && int.TryParse(
                line.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            acknowledged.Add(index);
            return;
        }

        throw new InvalidOperationException($"The crash writer said: {line}");
    }

    private static async Task<IEntryBackend> OpenAsync(IReadOnlyList<string> arguments) =>
        arguments switch
    {
        ["sqlite", var path] => await SqliteBackend.OpenAsync(new SqliteBackendOptions { Path = path }),
        ["filesystem", var directory] =>
            await FileSystemBackend.OpenAsync(new FileSystemBackendOptions { Directory = directory }),
        ["redis", var configuration, var prefix] => await RedisBackend.OpenAsync(
            new RedisBackendOptions { Configuration = configuration, KeyPrefix = prefix }),
        _ => throw new ArgumentException(Usage),
    };
}
