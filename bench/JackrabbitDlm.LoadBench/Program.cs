using JackrabbitDlm.LoadBench.Load;
using JackrabbitDlm.LoadBench.Suites;

// The load benchmark: see bench/README.md for what it measures and how to read it.
var settings = BenchSettings.Parse(args);
var workloads = new Workloads(settings.RunId);
Console.WriteLine($"# jrdlm load benchmark: {Environment.ProcessorCount} cores, " +
    $"{settings.Runs} run(s) of {settings.Duration.TotalSeconds:F0} s per figure (medians)");
using var load = await CLoadGenerator.BuildAsync(settings.LoadSource);

if (settings.Suites.Contains("per-request"))
{
    await PerRequestSuite.RunAsync(settings, workloads, load);
}

if (settings.Suites.Contains("keep-alive"))
{
    await KeepAliveSuite.RunAsync(settings, workloads, load);
}

if (settings.Suites.Contains("backends"))
{
    await BackendsSuite.RunAsync(settings, workloads, load);
}

if (settings.Suites.Contains("million"))
{
    await MillionSuite.RunAsync(settings, workloads, load);
}

return 0;
