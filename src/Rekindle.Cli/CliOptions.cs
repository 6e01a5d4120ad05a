using System.CommandLine;
using System.CommandLine.Parsing;
using Rekindle.App.Csv;

namespace Rekindle.Cli;

/// <summary>Options shared by several verbs, built the same way everywhere.</summary>
public static class CliOptions
{
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description + " (yyyy-MM-dd)",
        CustomParser = ParseDate,
    };

    public static Option<string?> PolicyFile() => new("--policy") { Description = "Policy JSON file (default: the built-in defaults)" };

    public static Option<string?> Data() => new("--data") { Description = "Folder of CSV files (accounts.csv, orders.csv, ...)" };

    public static Option<string?> Out() => new("--out") { Description = "Write to this file instead of standard output" };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: " + string.Join(", ", formats),
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }

        result.AddError($"{text} is not a valid date: use yyyy-MM-dd (a real calendar day).");
        return null;
    }
}
