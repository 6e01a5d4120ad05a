using System.Text;

namespace Rekindle.Reactivation;

/// <summary>
/// A message template: text with <c>{placeholder}</c>s from a closed list (<see cref="Placeholders"/>); <c>{{</c> and
/// <c>}}</c> write literal braces. Strict on purpose: an unknown placeholder or a stray brace is a problem when the
/// policy is loaded, and a placeholder with no value is an error when a campaign is planned, never an empty gap in a
/// customer's inbox.
/// <para>
/// A small renderer of our own rather than Scriban, Fluid or Handlebars: the need is nine named substitutions and no
/// logic; those engines render a missing value as an empty string by default (the failure we must never have) and
/// accept loops, filters and expressions a policy document should not contain; and Core stays free of packages
/// (ArchitectureTests). Parsing once gives the placeholder list for validation and a fast render per account.
/// </para>
/// </summary>
public sealed class MessageTemplate
{
    private readonly Part[] parts;

    private MessageTemplate(string text, Part[] parts)
    {
        Text = text;
        this.parts = parts;
        Placeholders = [.. parts.Where(p => p.IsPlaceholder).Select(p => p.Value).Distinct(StringComparer.Ordinal)];
    }

    public string Text { get; }

    /// <summary>The distinct placeholders the template uses, in order of first use.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Parses a template; every problem is described in <paramref name="problems"/> (empty when usable).</summary>
    public static MessageTemplate Parse(string text, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var result = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (ch == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (ch == '}')
            {
                found.Add($"a lone '}}' at position {i + 1} (write '}}}}' for a brace)");
            }
            else if (ch == '{')
            {
                var close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    found.Add($"'{{' at position {i + 1} is never closed (write '{{{{' for a brace)");
                    break;
                }

                var name = text[(i + 1)..close];
                if (!Reactivation.Placeholders.IsKnown(name))
                {
                    found.Add($"unknown placeholder {{{name}}} (known: {string.Join(", ", Reactivation.Placeholders.All.Select(p => "{" + p + "}"))})");
                }

                Flush(literal, result);
                result.Add(new Part(name, IsPlaceholder: true));
                i = close;
            }
            else
            {
                literal.Append(ch);
            }
        }

        Flush(literal, result);
        problems = found;
        return new MessageTemplate(text, [.. result]);
    }

    /// <summary>
    /// Renders with the given values. A placeholder whose value is null or blank is listed in the result's
    /// <see cref="RenderedText.Missing"/> and the text is null: nothing half-filled ever leaves.
    /// </summary>
    public RenderedText Render(PlaceholderValues values)
    {
        var missing = new List<string>();
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (!part.IsPlaceholder)
            {
                text.Append(part.Value);
                continue;
            }

            var value = values.Get(part.Value);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (!missing.Contains(part.Value))
                {
                    missing.Add(part.Value);
                }
            }
            else
            {
                text.Append(value);
            }
        }

        return new RenderedText(missing.Count == 0 ? text.ToString() : null, missing);
    }

    private static void Flush(StringBuilder literal, List<Part> parts)
    {
        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), IsPlaceholder: false));
            literal.Clear();
        }
    }

    private readonly record struct Part(string Value, bool IsPlaceholder);
}

/// <summary>A rendered text, or (when <see cref="Missing"/> is not empty) null.</summary>
public sealed record RenderedText(string? Text, IReadOnlyList<string> Missing)
{
    public bool Ok => Missing.Count == 0;
}
