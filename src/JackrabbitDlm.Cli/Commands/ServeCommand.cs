using System.CommandLine;
using System.Net.Sockets;
using JackrabbitDlm.Cli.Composition;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Server.Hosting;
using JackrabbitDlm.Server.Options;
using JackrabbitDlm.Tools;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Cli.Commands;

/// <summary>
/// <c>jrdlm serve</c>: runs the server until SIGINT or SIGTERM. The first line on standard
/// output is <c>listening on &lt;ip&gt;:&lt;port&gt;</c>, which scripts wait for; logs go to
/// standard error.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command(
            "serve",
            "Run the lock server until SIGINT or SIGTERM. Each setting comes from, last one "
                + "winning: its default, the config file, its environment variable, its flag.");
        var configFile = new Option<string>("--config")
        {
            Description = "JSON config file (comments allowed) "
                + $"[env {ServerSettings.ConfigFileVariable}]",
            HelpName = "file",
        };
        command.Options.Add(configFile);

        var defaults = new DlmServerOptions();
        var settings = new List<(ServerSetting Setting, Option<string> Option)>();
        foreach (var setting in ServerSettings.All)
        {
            var option = new Option<string>(setting.Flag)
            {
                Description = $"{setting.Description} (default: {setting.Format(defaults)}) "
                    + $"[env {setting.EnvironmentVariable}]",
                HelpName = setting.ValueName,
            };
            command.Options.Add(option);
            settings.Add((setting, option));
        }

        command.SetAction((result, _) =>
            RunAsync(result.GetValue(configFile), ReadFlags(result, settings)));
        return command;
    }

    private static Dictionary<string, string?> ReadFlags(
        ParseResult result,
        List<(ServerSetting Setting, Option<string> Option)> settings)
    {
        var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (setting, option) in settings)
        {
            if (result.GetValue(option) is { } value)
            {
                flags[setting.Key] = value;
            }
        }

        return flags;
    }

    private static async Task<int> RunAsync(string? configFile, Dictionary<string, string?> flags)
    {
        DlmServerOptions options;
        try
        {
            var environment = DlmServerOptionsLoader.ReadProcessEnvironment();
            options = DlmServerOptionsLoader.Load(configFile, flags, environment);
        }
        catch (ServerOptionsException e)
        {
            await Console.Error.WriteLineAsync($"jrdlm serve: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Only the memory backend answers without blocking; one that waits on a file or a
        // network would stall other connections sharing a socket event thread.
        if (options.Backend == BackendNames.Memory)
        {
            SocketScheduling.PreferInlineCompletions();
        }

        // Registered before the server starts, so a signal during start-up still stops it cleanly.
        using var signal = new ShutdownSignal();
        using var loggerFactory = ConsoleLogging.Create(options.LogLevel);
        var (services, failure) = await ComposeAsync(options, loggerFactory, signal.Stopping)
            .ConfigureAwait(false);
        if (services is null)
        {
            return failure;
        }

        var server = new DlmServer(options, services);
        await using var disposeServer = server.ConfigureAwait(false);
        try
        {
            var endPoint = await server.StartAsync().ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"listening on {endPoint}").ConfigureAwait(false);
            await Console.Out.FlushAsync().ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            var message = $"jrdlm serve: cannot listen on {options.Host}:{options.Port}: {e.Message}";
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await signal.Requested.ConfigureAwait(false);
        await server.StopAsync(signal.Hurry).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <returns>The services to serve with, or null and the exit code to end with.</returns>
    private static async Task<(ServerServices? Services, int ExitCode)> ComposeAsync(
        DlmServerOptions options,
        ILoggerFactory loggerFactory,
        CancellationToken stopping)
    {
        ServerServices services;
        try
        {
            services = ServerComposition.CreateDefault(options, loggerFactory);
        }
        catch (Exception e)
            when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await ReportAsync($"cannot use the base directory {options.BaseDirectory}: {e.Message}")
                .ConfigureAwait(false);
            return (null, ExitCodes.Failure);
        }

        string message;
        int exitCode;
        try
        {
            return (await BackendSelection.OpenAsync(options, services, stopping)
                .ConfigureAwait(false), ExitCodes.Success);
        }
        catch (InvalidOperationException e)
        {
            message = $"cannot open the {options.Backend} backend: {e.Message}";
            exitCode = ExitCodes.BackendUnavailable;
        }
        catch (ServerOptionsException e)
        {
            message = e.Message;
            exitCode = ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            // Stopped while the store was still being reached: nothing was served.
            message = $"stopped before the {options.Backend} backend was open";
            exitCode = ExitCodes.Success;
        }

        foreach (var resource in services.OwnedResources)
        {
            resource.Dispose();
        }

        await ReportAsync(message).ConfigureAwait(false);
        return (null, exitCode);
    }

    // One line, so a supervisor's log shows the whole reason at a glance.
    private static Task ReportAsync(string message) =>
        Console.Error.WriteLineAsync($"jrdlm serve: {message}".ReplaceLineEndings(" "));
}
