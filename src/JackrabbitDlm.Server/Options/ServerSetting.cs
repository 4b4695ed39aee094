namespace JackrabbitDlm.Server.Options;

/// <summary>One server option and the names it goes by in each configuration source.</summary>
/// <param name="Key">The JSON config key: the property name in <see cref="DlmServerOptions"/>.</param>
/// <param name="Flag">The command-line flag of <c>jrdlm serve</c>.</param>
/// <param name="EnvironmentVariable">The environment variable.</param>
/// <param name="ValueName">What the value is, for help texts (e.g. <c>seconds</c>).</param>
/// <param name="Description">One line of help.</param>
/// <param name="Format">Shows the setting's value in given options as written, e.g. <c>30s</c>.</param>
public sealed record ServerSetting(
    string Key,
    string Flag,
    string EnvironmentVariable,
    string ValueName,
    string Description,
    Func<DlmServerOptions, string> Format)
{
    /// <summary>The setting with every spelling, for error messages.</summary>
    public string Describe() => $"{Key} ({Flag}, {EnvironmentVariable})";
}
