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
