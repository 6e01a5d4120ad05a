using System.Security.Cryptography;
using System.Text;

namespace Rekindle.Reactivation;

/// <summary>
/// Offer codes: <c>PREFIX-XXXXXXXXXX</c>, ten Crockford base-32 characters (no I, L, O, U: nothing to misread) from the
/// SHA-256 of the campaign name, seed and account id. The same campaign, seed and account always give the same code;
/// another campaign gives another. 50 bits make a clash within a campaign improbable; <see cref="Assign"/> still
/// resolves one deterministically.
/// </summary>
public static class OfferCodes
{
    public const string DefaultPrefix = "RK";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 10;

    public static string For(string campaign, int seed, string accountId, string prefix = DefaultPrefix, int attempt = 0)
    {
        var input = $"{campaign}\n{seed}\n{accountId}" + (attempt == 0 ? "" : $"\n{attempt}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        var bits = BitConverter.ToUInt64(hash, 0);
        var code = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return $"{prefix}-{new string(code)}";
    }

    /// <summary>Codes for the accounts, unique: taken in account-id order, a clash tries the next attempt.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<string> accountIds, string campaign, int seed, string prefix = DefaultPrefix)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in accountIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var attempt = 0;
            string code;
            do
            {
                code = For(campaign, seed, id, prefix, attempt++);
            }
            while (!used.Add(code));

            codes[id] = code;
        }

        return codes;
    }
}
