using System.CommandLine;
using System.CommandLine.Parsing;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>Range checks on options, reported as parse errors so they exit as usage errors.</summary>
internal static class OptionRules
{
    public static Option<T> InRange<T>(this Option<T> option, T min, T max)
        where T : IComparable<T>
    {
        option.Validators.Add(result => Check(result, option.Name, min, max, result.GetValueOrDefault<T>));
        return option;
    }

    public static Argument<T> InRange<T>(this Argument<T> argument, T min, T max)
        where T : IComparable<T>
    {
        argument.Validators.Add(result => Check(result, argument.Name, min, max, result.GetValueOrDefault<T>));
        return argument;
    }

    private static void Check<T>(SymbolResult result, string name, T min, T max, Func<T?> read)
        where T : IComparable<T>
    {
        T? value;
        try
        {
            value = read();
        }
        catch (InvalidOperationException)
        {
            // Not a number at all: the parser reports that error itself.
            return;
        }

        if (value is not null && (value.CompareTo(min) < 0 || value.CompareTo(max) > 0))
        {
            result.AddError($"{name} must be from {min} to {max}, not {value}.");
        }
    }
}
