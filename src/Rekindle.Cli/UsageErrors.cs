using System.CommandLine;
using System.CommandLine.Parsing;

namespace Rekindle.Cli;

/// <summary>
/// Parse errors as a person wants them: the error first, a "did you mean" for a mistyped verb or option, and the help
/// command to run; never the whole help text in front of the error.
/// </summary>
public static class UsageErrors
{
    /// <summary>Suggestions are names within this edit distance of the mistyped token (or starting with it).</summary>
    public const int MaxDistance = 2;

    public static void Write(ParseResult parsed, TextWriter error)
    {
        var command = parsed.CommandResult.Command;
        var unmatched = parsed.UnmatchedTokens.Distinct(StringComparer.Ordinal).ToList();
        var group = command is { Action: null, Subcommands.Count: > 0 };
        foreach (var e in parsed.Errors)
        {
            // A group with a mistyped verb also reports "required command was not provided": the mistyped verb says it all.
            if (group && unmatched.Count > 0 && !unmatched.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            {
                continue;
            }

            error.WriteLine($"error: {e.Message}");
        }

        foreach (var token in unmatched)
        {
            IReadOnlyList<string> near;
            if (token.StartsWith('-'))
            {
                near = Nearest(token, Options(parsed.CommandResult).SelectMany(o => new[] { o.Name }.Concat(o.Aliases)));
            }
            else
            {
                var verbs = command.Subcommands.Where(c => !c.Hidden).SelectMany(c => new[] { c.Name }.Concat(c.Aliases)).ToList();
                near = Nearest(token, verbs);
                if (near.Count == 0)
                {
                    // A verb of a group typed without the group: "claim" for "pool claim".
                    var nested = command.Subcommands.Where(c => !c.Hidden)
                        .SelectMany(g => g.Subcommands.Where(c => !c.Hidden).Select(c => (Path: $"{g.Name} {c.Name}", c.Name)))
                        .ToList();
                    var names = Nearest(token, nested.Select(n => n.Name));
                    near = [.. nested.Where(n => names.Contains(n.Name, StringComparer.Ordinal)).Select(n => n.Path)];
                }
            }

            if (near.Count > 0)
            {
                error.WriteLine($"  did you mean {string.Join(" or ", near.Select(n => $"'{n}'"))} instead of '{token}'?");
            }
        }

        error.WriteLine($"Run '{Path(parsed.CommandResult)} --help' for usage.");
    }

    /// <summary>The known names nearest to <paramref name="token"/>: within <see cref="MaxDistance"/> edits, or starting with it; closest first.</summary>
    public static IReadOnlyList<string> Nearest(string token, IEnumerable<string> names)
    {
        if (token.TrimStart('-').Length < 3)
        {
            return []; // "A1" is an argument in the wrong place, not a mistyped "fit"
        }

        var scored = names.Distinct(StringComparer.Ordinal)
            .Select(n => (Name: n, Distance: Distance(token, n)))
            .Where(n => n.Distance <= MaxDistance || (token.TrimStart('-').Length >= 3 && n.Name.StartsWith(token, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(n => n.Distance).ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
        return scored.Count == 0 ? [] : [.. scored.Where(n => n.Distance == scored[0].Distance).Select(n => n.Name)];
    }

    private static IEnumerable<Option> Options(CommandResult result)
    {
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                foreach (var o in c.Command.Options.Where(o => !o.Hidden && (ReferenceEquals(c, result) || o.Recursive)))
                {
                    yield return o;
                }
            }
        }
    }

    private static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Add(c.Parent is null ? "rekindle" : c.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
