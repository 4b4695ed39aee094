namespace JackrabbitDlm.Cli.Tests.EndToEnd;

/// <summary>Runs the wars tests alone, never beside other tests.</summary>
[CollectionDefinition(nameof(WarsEndToEndTests), DisableParallelization = true)]
public sealed class WarsCollection;
