namespace JackrabbitDlm.Engine.Pressure;

/// <summary>How much memory the server uses, relative to its threshold.</summary>
public interface IMemoryPressure
{
    /// <summary>
    /// The process's memory use as a fraction of the threshold: 1.0 means at the threshold.
    /// Read often: implementations return a recent sample, not a fresh measurement.
    /// </summary>
    double UsageOfThreshold { get; }
}
