namespace Rekindle.Cli;

/// <summary>Joins the parts of a line that have something in them: an empty field is left out, never shown as noise.</summary>
public static class Words
{
    /// <summary>The non-blank parts joined by <paramref name="separator"/>.</summary>
    public static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    /// <summary>"Name (role): reach" with the empty parts left out.</summary>
    public static string Contact(string name, string? role, IEnumerable<string?> reach)
    {
        var how = Join(", ", [.. reach]);
        return Join(" ", name, string.IsNullOrWhiteSpace(role) ? null : $"({role.Trim()})") + (how.Length > 0 ? ": " + how : "");
    }
}
