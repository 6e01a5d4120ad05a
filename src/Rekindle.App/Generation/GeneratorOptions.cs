namespace Rekindle.App.Generation;

/// <summary>
/// What synthetic company to generate: how many accounts and reps, how many years of history up to
/// <see cref="AsOf"/> (inclusive; nothing dated after it is written), and the seed. The same options give
/// byte-identical files.
/// </summary>
public sealed record GeneratorOptions(
    DateOnly AsOf,
    int Accounts = GeneratorOptions.DefaultAccounts,
    int Reps = GeneratorOptions.DefaultReps,
    int Years = GeneratorOptions.DefaultYears,
    int Seed = GeneratorOptions.DefaultSeed)
{
    public const int DefaultAccounts = 5_000;
    public const int DefaultReps = 25;
    public const int DefaultYears = 3;
    public const int DefaultSeed = 42;

    public const int MaxAccounts = 10_000_000;
    public const int MaxReps = 100_000;
    public const int MaxYears = 20;

    /// <summary>Every problem with the options, each naming the option; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Accounts is < 1 or > MaxAccounts)
        {
            problems.Add($"accounts: must be between 1 and {MaxAccounts:N0} (got {Accounts})");
        }

        if (Reps is < 1 or > MaxReps)
        {
            problems.Add($"reps: must be between 1 and {MaxReps:N0} (got {Reps})");
        }

        if (Years is < 1 or > MaxYears)
        {
            problems.Add($"years: must be between 1 and {MaxYears} (got {Years})");
        }
        else if (AsOf.Year - Years - CompanyModel.LegacyCreatedYears < 1 || AsOf.Year > 9000)
        {
            problems.Add($"as-of: {AsOf:yyyy-MM-dd} leaves no room for {Years} year(s) of history");
        }

        return problems;
    }
}

/// <summary>Rows written to each file of a generated company (truth.csv has one row per account).</summary>
public sealed record GenerationReport(
    long Reps,
    long Accounts,
    long Contacts,
    long Orders,
    long OrderLines,
    long Engagements,
    long Opportunities,
    long ChurnedAccounts);
