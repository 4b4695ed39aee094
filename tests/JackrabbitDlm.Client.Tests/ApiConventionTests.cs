using System.Reflection;

namespace JackrabbitDlm.Client.Tests;

public sealed class ApiConventionTests
{
    private static readonly Assembly ClientAssembly = typeof(DlmClient).Assembly;

    [Fact]
    public void PublicClasses_AreSealedOrAbstract()
    {
        var open = ClientAssembly.GetExportedTypes()
            .Where(type => type.IsClass && !type.IsSealed && !type.IsAbstract)
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void PublicTaskMethods_EndInAsync()
    {
        var misnamed = ClientAssembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static
                | BindingFlags.DeclaredOnly))
            .Where(method => typeof(Task).IsAssignableFrom(method.ReturnType)
                || method.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal))
            .Where(method => !method.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .ToList();

        Assert.Empty(misnamed);
    }

    [Fact]
    public void FailureExceptions_ShareTheDlmExceptionBase()
    {
        Assert.True(typeof(DlmConnectionException).IsSubclassOf(typeof(DlmException)));
        Assert.True(typeof(DlmProtocolException).IsSubclassOf(typeof(DlmException)));
        Assert.True(typeof(DlmRefusedException).IsSubclassOf(typeof(DlmException)));
        Assert.True(typeof(DlmTimeoutException).IsSubclassOf(typeof(TimeoutException)));
    }
}
