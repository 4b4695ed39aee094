namespace JackrabbitDlm.Engine.Pressure;

/// <summary>A pressure source that never reports any use: for tests and embedded use.</summary>
public sealed class NoMemoryPressure : IMemoryPressure
{
    public static NoMemoryPressure Instance { get; } = new();

    public double UsageOfThreshold => 0;
}
