using JackrabbitDlm.Engine.Pressure;

namespace JackrabbitDlm.Engine.Tests.Infrastructure;

/// <summary>Memory pressure a test sets by hand.</summary>
internal sealed class SettableMemoryPressure : IMemoryPressure
{
    public double UsageOfThreshold { get; set; }
}
