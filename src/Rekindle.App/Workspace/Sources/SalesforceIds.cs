namespace Rekindle.App.Workspace.Sources;

/// <summary>
/// Salesforce record ids: the 15-character case-sensitive id and its 18-character form (the 15 plus a 3-character
/// suffix that encodes the case of each of its three 5-character chunks) name the same record. Exports mix the two
/// (reports and some objects give 15), so every id is kept in its 18-character form.
/// </summary>
public static class SalesforceIds
{
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>The "empty reference" Salesforce writes for a lookup with no record.</summary>
    public const string EmptyReference = "000000000000000AAA";

    /// <summary>
    /// The 18-character form of a 15- or 18-character id, or null for an empty reference (empty, or all zeros). Another
    /// length is returned as it is (a caller that requires an id reports it).
    /// </summary>
    public static string? Normalize(ReadOnlySpan<char> id)
    {
        id = id.Trim();
        if (id.IsEmpty || id.SequenceEqual(EmptyReference) || id.SequenceEqual(EmptyReference.AsSpan(0, 15)))
        {
            return null;
        }

        if (id.Length == 18)
        {
            return string.Concat(id[..15], Suffix(id[..15]));
        }

        return id.Length == 15 ? string.Concat(id, Suffix(id)) : id.ToString();
    }

    /// <summary>The 3-character suffix of a 15-character id: for each 5-character chunk, bit i set when char i is A-Z.</summary>
    public static string Suffix(ReadOnlySpan<char> id15)
    {
        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (id15[(chunk * 5) + i] is >= 'A' and <= 'Z')
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = SuffixAlphabet[bits];
        }

        return suffix.ToString();
    }

    /// <summary>True when the id (15 or 18 characters) is an account's (key prefix 001).</summary>
    public static bool IsAccount(string? id) => id is not null && id.StartsWith("001", StringComparison.Ordinal);
}
