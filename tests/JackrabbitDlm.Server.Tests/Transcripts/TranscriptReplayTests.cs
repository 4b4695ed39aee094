using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using JackrabbitDlm.Server.Files;
using JackrabbitDlm.Server.Hosting;
using JackrabbitDlm.Server.Tests.Infrastructure;

namespace JackrabbitDlm.Server.Tests.Transcripts;

/// <summary>
/// Replays every recorded scenario against our server over real TCP. Each reply must equal the
/// original's (Status, ID and DataStore compared as JSON, key order free), unless the step is in
/// <see cref="ExpectedDeviations"/>, where it must equal ours.
/// </summary>
public sealed class TranscriptReplayTests : IClassFixture<TranscriptReplayTests.ServerFixture>
{
    // Short enough that the "held open" scenario sees our idle timeout within seconds, long
    // enough that no other write of the replay comes near it.
    private static readonly TimeSpan ReplayIdleTimeout = TimeSpan.FromSeconds(2);

    // Pauses between writes only need to make separate reads on the server.
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(300);

    private static readonly string[] ComparedFields = ["Status", "ID", "DataStore"];

    private readonly ServerFixture _fixture;

    public TranscriptReplayTests(ServerFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<string> Scenarios => new(TranscriptFile.ScenarioNames);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replay_Scenario_AnswersAsOriginalOrAsDocumented(string scenario)
    {
        var steps = TranscriptFile.Scenario(scenario);
        var mismatches = steps.Any(step => step.ServerRestartedBefore)
            ? await ReplayWithRestartAsync(steps)
            : await ReplayAsync(_fixture.Server, steps);

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void Deviations_EachNamesARecordedStepAndChangesItsAnswer()
    {
        foreach (var deviation in ExpectedDeviations.All)
        {
            var step = TranscriptFile.Steps.SingleOrDefault(
                step => (step.Scenario, step.Step) == (deviation.Scenario, deviation.Step));
            Assert.True(step is not null, $"no step {deviation.Scenario} #{deviation.Step}");

            var ours = ParseReply(deviation.Reply);
            var differs = ours is null != step.Response is null
                || (ours is { } reply && Compare(step.Response!.Value, reply) is not null);
            Assert.True(differs, $"{step} is listed as a deviation but we answer as the original");
        }
    }

    private static async Task<List<string>> ReplayWithRestartAsync(
        IReadOnlyList<TranscriptStep> steps)
    {
        // The restart keeps the base directory, as the recording did, and these servers keep
        // large long-lived values on disk as jrdlm serve does: the authenticated 18000-character
        // value of "restart: what survives" comes back under its real name (see the deviations).
        var directory = Directory.CreateTempSubdirectory("jrdlm-restart-").FullName;
        var mismatches = new List<string>();
        try
        {
            var firstRun = steps.TakeWhile(step => !step.ServerRestartedBefore).ToList();
            await using (var before = await StartReplayServerAsync(directory))
            {
                mismatches.AddRange(await ReplayAsync(before, firstRun));
            }

            await using var after = await StartReplayServerAsync(directory);
            mismatches.AddRange(await ReplayAsync(after, [.. steps.Skip(firstRun.Count)]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return mismatches;
    }

    private static async Task<List<string>> ReplayAsync(
        TestServer server,
        IReadOnlyList<TranscriptStep> steps)
    {
        var mismatches = new List<string>();
        foreach (var step in steps)
        {
            if (step.SleepBeforeSeconds > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(step.SleepBeforeSeconds));
            }

            var deviation = ExpectedDeviations.Find(step);
            var expected = deviation is null ? step.Response : ParseReply(deviation.Reply);
            if (await CheckStepAsync(server, step, expected) is { } problem)
            {
                var why = deviation is null ? "" : $" (deviation: {deviation.Reason})";
                mismatches.Add($"{step}: {problem}{why}");
            }

            // Where the original process died, ours must simply go on.
            if (step.ServerExited && !await server.IsServingAsync())
            {
                mismatches.Add($"{step}: the server stopped serving after this request");
            }
        }

        return mismatches;
    }

    private static async Task<string?> CheckStepAsync(
        TestServer server,
        TranscriptStep step,
        JsonElement? expected)
    {
        await using var connection = await server.ConnectAsync();
        if (step.Request is { } request)
        {
            await connection.SendRequestAsync(request.GetRawText());
        }
        else
        {
            await SendRawAsync(connection, step);
        }

        var reply = await connection.ReadReplyAsync();
        if (expected is null)
        {
            return reply is null ? null : $"expected no reply, got {reply}";
        }

        if (reply is null)
        {
            return $"expected {expected}, got no reply";
        }

        // Every request here is answered and then the connection closes, as with the original.
        var extra = await connection.ReadToCloseAsync();
        var afterReply = extra == 0 ? null : $"{extra} bytes after the reply";
        return Compare(expected.Value, reply.Value) ?? afterReply;
    }

    private static async Task SendRawAsync(RawConnection connection, TranscriptStep step)
    {
        var raw = step.RequestRaw!.Value;
        if (raw.ValueKind == JsonValueKind.Array)
        {
            await SendWritesAsync(connection, raw);
        }
        else if (raw.TryGetProperty("length", out var length))
        {
            var prefix = raw.GetProperty("prefix").GetString()!;
            await SendOversizedAsync(connection, length.GetInt32(), prefix);
        }
        else
        {
            var text = raw.GetProperty("text").GetString()!;
            await connection.SendAsync(text);

            // "No newline then half-close": the recording shut its sending side down.
            var halfClosed = step.Outcome == "closed-without-reply";
            if (!text.Contains('\n', StringComparison.Ordinal) && halfClosed)
            {
                connection.ShutdownSend();
            }
        }
    }

    private static async Task SendWritesAsync(RawConnection connection, JsonElement writes)
    {
        foreach (var write in writes.EnumerateArray())
        {
            await connection.SendAsync(write.GetProperty("text").GetString()!);
            if (!write.TryGetProperty("then_pause_s", out var pause))
            {
                continue;
            }

            // Once the server has answered or closed, the recording's later writes have nothing
            // left to show (ours answers as soon as a newline arrives).
            var seconds = pause.GetDouble();
            // A pause past the idle timeout waits until the server closes, with room for a slow
            // machine; Poll returns as soon as the close arrives.
            var wait = seconds >= ReplayIdleTimeout.TotalSeconds
                ? ReplayIdleTimeout + TimeSpan.FromSeconds(3)
                : TimeSpan.FromSeconds(Math.Min(seconds, LongestPause.TotalSeconds));
            if (connection.Socket.Poll(wait, SelectMode.SelectRead))
            {
                return;
            }
        }
    }

    private static async Task SendOversizedAsync(
        RawConnection connection,
        int length,
        string prefix)
    {
        // The recording sent its 10 MiB as the valid pair "1a" repeated; the server drops the
        // connection part-way, so a failed send is the expected end.
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1a", 32 * 1024)));
        var remaining = length - prefix.Length;
        try
        {
            await connection.SendAsync(prefix);
            while (remaining > 0)
            {
                var size = Math.Min(remaining, chunk.Length);
                await connection.SendAsync(chunk.AsMemory(0, size));
                remaining -= size;
            }
        }
        catch (SocketException)
        {
        }
    }

    private static string? Compare(JsonElement expected, JsonElement actual)
    {
        foreach (var field in ComparedFields)
        {
            var hasExpected = expected.TryGetProperty(field, out var expectedValue);
            var hasActual = actual.TryGetProperty(field, out var actualValue);
            var same = hasExpected == hasActual
                && (!hasExpected || JsonElement.DeepEquals(expectedValue, actualValue));
            if (!same)
            {
                return $"expected {expected}, got {actual}";
            }
        }

        // Our only addition is the fencing token (a backward-compatible extension) on Locked.
        foreach (var property in actual.EnumerateObject())
        {
            var locked = actual.GetProperty("Status").GetString() == "Locked";
            var allowed = ComparedFields.Contains(property.Name) || (property.Name == "Token" && locked);
            if (!allowed)
            {
                return $"unexpected field {property.Name} in {actual}";
            }
        }

        return null;
    }

    private static JsonElement? ParseReply(string? reply)
    {
        if (reply is null)
        {
            return null;
        }

        var json = reply.Replace(
            ExpectedDeviations.VersionPlaceholder, ServerVersion.Current, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static Task<TestServer> StartReplayServerAsync(string? baseDirectory = null) =>
        TestServer.StartAsync(
            options => options with { IdleTimeout = ReplayIdleTimeout },
            baseDirectory is null ? null : services => WithValuesOnDisk(services, baseDirectory),
            baseDirectory);

    private static ServerServices WithValuesOnDisk(ServerServices services, string baseDirectory)
    {
        var directories = new BaseDirectory(baseDirectory);
        directories.EnsureCreated();
        return services with
        {
            SpillStore = new DiskValueStore(directories),
            TokenReservations = new FileTokenReservations(directories),
        };
    }

    /// <summary>
    /// One server for every scenario: their entry keys do not overlap, as in the recording.
    /// </summary>
    public sealed class ServerFixture : IAsyncLifetime
    {
        private TestServer? _server;

        internal TestServer Server => _server ?? throw new InvalidOperationException("not started");

        public async Task InitializeAsync() => _server = await StartReplayServerAsync();

        public async Task DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
