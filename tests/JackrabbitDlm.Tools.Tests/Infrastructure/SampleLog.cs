namespace JackrabbitDlm.Tools.Tests.Infrastructure;

/// <summary>The sample event log of <c>docs/samples</c>, copied beside the tests.</summary>
internal static class SampleLog
{
    public static string Path { get; } =
        System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "JackrabbitDLM.log");
}
