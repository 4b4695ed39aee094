namespace JackrabbitDlm.Tools.Tests.Infrastructure;

/// <summary>A fact about Unix file modes, skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes only";
        }
    }
}
