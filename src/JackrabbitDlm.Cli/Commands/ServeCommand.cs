using System.CommandLine;
using System.Net.Sockets;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Server.Hosting;
using JackrabbitDlm.Server.Options;

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
            return ExitCodes.InvalidConfiguration;
        }

        SocketScheduling.PreferInlineCompletions();

        // Registered before the server starts, so a signal during start-up still stops it cleanly.
        using var signal = new ShutdownSignal();
        using var loggerFactory = ConsoleLogging.Create(options.LogLevel);
        var services = ServerComposition.CreateDefault(options, loggerFactory);
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
}
