using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Rekindle.Policies;

/// <summary>Reads and writes the policy JSON document; gives each policy a stable version id.</summary>
public static class PolicyJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Parses a policy document. Keys left out keep their defaults. Every problem (unknown key,
    /// wrong type, value out of range) is reported at once, each naming its key.
    /// </summary>
    public static PolicyReadResult Parse(string json)
    {
        var problems = new List<PolicyProblem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return new PolicyReadResult(null, [new PolicyProblem("(document)", $"not valid JSON: {e.Message}")]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new PolicyReadResult(null, [new PolicyProblem("(document)", "a policy must be a JSON object of parameters")]);
            }

            var policy = Policy.Default;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name is "$schema" or "version")
                {
                    continue;
                }

                var parameter = PolicyParameters.Find(property.Name);
                if (parameter is null)
                {
                    var suggestion = PolicyParameters.All
                        .Select(p => (p.Key, Distance: EditDistance(p.Key.ToUpperInvariant(), property.Name.ToUpperInvariant())))
                        .Where(p => p.Distance <= 2)
                        .OrderBy(p => p.Distance)
                        .Select(p => p.Key)
                        .FirstOrDefault();
                    problems.Add(new(property.Name, suggestion is null ? "unknown key" : $"unknown key (did you mean {suggestion}?)"));
                    continue;
                }

                policy = parameter.Read(policy, property.Value, problems);
            }

            var typeProblemKeys = problems.Select(p => p.Key).ToHashSet();
            problems.AddRange(policy.Validate().Where(p => !typeProblemKeys.Contains(p.Key)));
            return new PolicyReadResult(problems.Count == 0 ? policy : null, problems);
        }
    }

    /// <summary>The full document with every parameter, indented, in the table's order.</summary>
    public static string Write(Policy policy) => Serialize(policy, indented: true) + "\n";

    /// <summary>The compact canonical form the version id is computed from.</summary>
    public static string Canonical(Policy policy) => Serialize(policy, indented: false);

    /// <summary>A stable id of the policy's content: the first 12 hex digits of SHA-256 of its canonical form.</summary>
    public static string VersionId(Policy policy)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(policy)));
        return Convert.ToHexStringLower(hash)[..12];
    }

    private static int EditDistance(string a, string b)
    {
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
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Serialize(Policy policy, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            foreach (var parameter in PolicyParameters.All)
            {
                parameter.Write(policy, writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>A parsed policy, or the problems that stopped it.</summary>
public sealed record PolicyReadResult(Policy? Policy, IReadOnlyList<PolicyProblem> Problems)
{
    public bool IsValid => Policy is not null;
}
