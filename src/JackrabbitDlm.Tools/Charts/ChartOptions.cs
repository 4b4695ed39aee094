namespace JackrabbitDlm.Tools.Charts;

/// <summary>How a statistics chart looks.</summary>
public sealed record ChartOptions
{
    /// <summary>The chart's title.</summary>
    public string Title { get; init; } = "JackrabbitDLM Statistics";

    /// <summary>The width in pixels, at least 200.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>The height in pixels, at least 150.</summary>
    public int Height { get; init; } = 700;

    /// <summary>Checks the sizes.</summary>
    /// <exception cref="ToolException">A size is below its minimum.</exception>
    public void Validate()
    {
        if (Width < 200 || Height < 150)
        {
            throw new ToolException($"a chart must be at least 200x150 pixels, not {Width}x{Height}");
        }
    }
}
