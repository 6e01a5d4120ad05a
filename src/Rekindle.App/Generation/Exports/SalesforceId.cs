namespace Rekindle.App.Generation.Exports;

/// <summary>
/// Salesforce record ids: a 3-character key prefix (001 account, 003 contact, 005 user, 006 opportunity,
/// 00T task, 00U event), 12 base-62 characters, and in the 18-character form a 3-character suffix that makes
/// the id unique when compared case-insensitively.
/// </summary>
public static class SalesforceId
{
    /// <summary>The empty reference some exports write instead of an empty field.</summary>
    public const string Empty = "000000000000000AAA";

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    // 62^10, and an odd multiplier prime to 31, so numbers below 62^10 map one-to-one to scattered ids.
    private static readonly UInt128 Space = (UInt128)839_299_365_868_340_224UL;
    private static readonly UInt128 Multiplier = 489_040_662_768_411_437UL;

    /// <summary>
    /// The 18-character form of a 15-character id, as Salesforce computes it: for each 5-character chunk, a
    /// 5-bit number whose bit i is set when character i of the chunk is an upper-case letter A-Z, used as an
    /// index into "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".
    /// </summary>
    public static string To18(string id15)
    {
        ArgumentNullException.ThrowIfNull(id15);
        if (id15.Length != 15)
        {
            throw new ArgumentException($"a 15-character id expected, got {id15.Length} characters: {id15}", nameof(id15));
        }

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

        return string.Concat(id15, suffix);
    }

    /// <summary>The 15-character (case-sensitive) form of an 18-character id.</summary>
    public static string To15(string id18) => id18[..15];

    /// <summary>
    /// A deterministic 18-character id for record <paramref name="number"/> of the object with
    /// <paramref name="keyPrefix"/>: the prefix, "5g", 10 base-62 characters scattered from the number.
    /// </summary>
    public static string Create(string keyPrefix, long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        var value = (ulong)((UInt128)(ulong)number * Multiplier % Space);
        Span<char> digits = stackalloc char[10];
        for (var i = 9; i >= 0; i--)
        {
            digits[i] = Base62[(int)(value % 62)];
            value /= 62;
        }

        return To18(string.Concat(keyPrefix, "5g", digits));
    }
}
