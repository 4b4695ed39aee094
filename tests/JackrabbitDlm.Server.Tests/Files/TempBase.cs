using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Files;

/// <summary>A base directory in a fresh temporary folder, removed again on dispose.</summary>
internal sealed class TempBase : IDisposable
{
    public TempBase(bool create = true)
    {
        var root = Path.Combine(Path.GetTempPath(), "jrdlm-files-" + Guid.NewGuid().ToString("N"));
        Directories = new BaseDirectory(root);
        if (create)
        {
            Directories.EnsureCreated();
        }
    }

    public BaseDirectory Directories { get; }

    public string Root => Directories.Root;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Some tests never create it.
        }
    }
}
