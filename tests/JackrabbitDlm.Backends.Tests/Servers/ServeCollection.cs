namespace JackrabbitDlm.Backends.Tests.Servers;

/// <summary>
/// The tests that start <c>jrdlm serve</c> processes run one at a time, after the others: each
/// already keeps both cores of a small machine busy.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServeCollection
{
    public const string Name = "jrdlm serve processes";
}
