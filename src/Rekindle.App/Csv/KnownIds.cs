namespace Rekindle.App.Csv;

/// <summary>Finds an id among those a reference may name: its index (any number from 0), or -1 when unknown.</summary>
internal delegate int IdLookup(ReadOnlySpan<char> id);

/// <summary>
/// The ids a reference column may name (an order's account, a line's order, an account's owner) and where they were
/// looked for, which the error names: <c>accounts.csv</c> for a folder read on its own, <c>accounts.csv or the
/// workspace</c> for an import into a workspace that already holds accounts.
/// </summary>
internal sealed class KnownIds(string kind, string where, IdLookup find)
{
    /// <summary>The index of the required reference in <paramref name="column"/>, or -1 with an error (empty or unknown).</summary>
    public int Find(CsvFile f, int column) => Find(f, column, out _);

    /// <summary>As <see cref="Find(CsvFile, int)"/>, with the reference's text.</summary>
    public int Find(CsvFile f, int column, out ReadOnlySpan<char> id)
    {
        id = f.Span(column);
        if (id.IsEmpty)
        {
            f.Error(column, "", "a value is required");
            return -1;
        }

        var index = find(id);
        if (index < 0)
        {
            f.Error(column, id.ToString(), $"unknown {kind} (not in {where})");
        }

        return index;
    }

    /// <summary>The file a reference is looked for in, and "or the workspace" when the workspace already holds such rows.</summary>
    public static string Where(string fileName, bool inWorkspace) => inWorkspace ? fileName + " or the workspace" : fileName;
}
