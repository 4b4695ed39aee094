using System.CommandLine;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>Range checks on options, reported as parse errors so they exit as usage errors.</summary>
internal static class OptionRules
{
    public static Option<T> InRange<T>(this Option<T> option, T min, T max)
        where T : IComparable<T>
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (value is not null && (value.CompareTo(min) < 0 || value.CompareTo(max) > 0))
            {
                result.AddError($"{option.Name} must be from {min} to {max}, not {value}.");
            }
        });
        return option;
    }

    public static Argument<T> InRange<T>(this Argument<T> argument, T min, T max)
        where T : IComparable<T>
    {
        argument.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (value is not null && (value.CompareTo(min) < 0 || value.CompareTo(max) > 0))
            {
                result.AddError($"{argument.Name} must be from {min} to {max}, not {value}.");
            }
        });
        return argument;
    }
}
