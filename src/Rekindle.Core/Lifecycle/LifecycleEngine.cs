using Rekindle.Policies;

using Rekindle.Cycles;

namespace Rekindle.Lifecycle;

/// <summary>
/// Classifies every account of a book as of a date under one policy. Three steps: measure each account
/// (independent, in parallel by account range), then the two company-wide figures (company buying cycle,
/// key-account cut), then decide each account (independent, in parallel). Same book, policy and date:
/// same result, whatever the number of threads.
/// </summary>
public static class LifecycleEngine
{
    private const int ChunkSize = 16_384;

    public static BookClassification Classify(AccountBook book, Policy policy, DateOnly asOf, int maxDegreeOfParallelism = -1)
    {
        var day = asOf.DayNumber;
        var n = book.AccountCount;
        var measures = new AccountMeasures[n];
        var exists = new bool[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var engagementMask = AccountMeasures.EngagementMask(policy);

        ForEachChunk(n, options, (from, to) =>
        {
            for (var a = from; a < to; a++)
            {
                if (book.CreatedDay[a] > day)
                {
                    continue;
                }

                exists[a] = true;
                measures[a] = AccountMeasures.Measure(book.Facts(a), policy, day, engagementMask);
            }
        });

        return Decide(book, measures, exists, policy, asOf, maxDegreeOfParallelism);
    }

    /// <summary>
    /// The second and third steps alone, for measures taken elsewhere (streamed from a database, say): the company
    /// cycle and key-account cut over every account that exists, then each account's status. The arrays are
    /// index-aligned with <paramref name="book"/>, which may be a directory without facts
    /// (<see cref="AccountBook.WithoutFacts"/>). Given the measures <see cref="Classify"/> takes, the same result.
    /// </summary>
    public static BookClassification Decide(
        AccountBook book, AccountMeasures[] measures, bool[] exists, Policy policy, DateOnly asOf, int maxDegreeOfParallelism = -1)
    {
        var n = book.AccountCount;
        if (measures.Length != n || exists.Length != n)
        {
            throw new ArgumentException($"{measures.Length} measures and {exists.Length} flags for a book of {n} accounts.", nameof(measures));
        }

        var day = asOf.DayNumber;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var companyCycle = CompanyCycle.Of(measures, exists, policy);
        var key = KeyAccounts.Select(measures, exists, policy);

        var results = new AccountClassification[n];
        ForEachChunk(n, options, (from, to) =>
        {
            for (var a = from; a < to; a++)
            {
                if (!exists[a])
                {
                    results[a] = new AccountClassification { Exists = false, Rule = StatusRule.NotYetCreated };
                    continue;
                }

                ref readonly var m = ref measures[a];
                var own = m.CycleDates >= policy.MinOrdersForOwnCycle;
                var cycle = own ? m.OwnMedianGapDays : companyCycle.Days;
                var basis = own ? CycleBasis.Own : companyCycle.Basis;
                results[a] = StatusRules.Decide(m, cycle, basis, policy, day) with { Key = key[a] };
            }
        });

        return new BookClassification(book, policy, asOf, companyCycle, results);
    }

    private static void ForEachChunk(int count, ParallelOptions options, Action<int, int> body)
    {
        var chunks = (count + ChunkSize - 1) / ChunkSize;
        if (chunks <= 1 || options.MaxDegreeOfParallelism == 1)
        {
            body(0, count);
            return;
        }

        Parallel.For(0, chunks, options, c => body(c * ChunkSize, Math.Min(count, (c + 1) * ChunkSize)));
    }
}
