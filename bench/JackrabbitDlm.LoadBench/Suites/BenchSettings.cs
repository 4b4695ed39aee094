namespace JackrabbitDlm.LoadBench.Suites;

/// <summary>The benchmark's settings, from its command line.</summary>
internal sealed record BenchSettings
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(2);

    public int Runs { get; init; } = 5;

    public int[] InFlight { get; init; } = [1, 8, 64];

    public int HeldEntries { get; init; } = 1_000_000;

    public string FloorSource { get; init; } = string.Empty;

    public string LoadSource { get; init; } = string.Empty;

    public string[] Suites { get; init; } = ["per-request", "keep-alive", "backends", "million"];

    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings { FloorSource = BenchFile("floor.c"), LoadSource = BenchFile("load.c") };
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--duration" => settings with { Duration = TimeSpan.FromSeconds(Number(args[++i])) },
                "--runs" => settings with { Runs = (int)Number(args[++i]) },
                "--in-flight" => settings with { InFlight = args[++i].Split(',').Select(int.Parse).ToArray() },
                "--entries" => settings with { HeldEntries = (int)Number(args[++i]) },
                "--floor-source" => settings with { FloorSource = args[++i] },
                "--suite" => settings with { Suites = args[++i].Split(',') },
                "--quick" => settings with { Duration = TimeSpan.FromSeconds(1), Runs = 1, HeldEntries = 100_000 },
                _ => throw new ArgumentException($"unknown option {args[i]}; see bench/README.md"),
            };
        }

        return settings;
    }

    private static double Number(string text) =>
        double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    // Finds bench/floor/NAME above the build output, i.e. in the checkout the benchmark was built from.
    private static string BenchFile(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "bench", "floor", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return name;
    }
}
