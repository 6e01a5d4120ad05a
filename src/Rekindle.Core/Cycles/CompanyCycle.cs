using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Cycles;

/// <summary>
/// The company buying cycle C: the median, over accounts with at least two distinct order dates in the cycle
/// window, of each account's median gap. Pinned by <c>fixedCycleDays</c>; when no account has two dates, the
/// policy's <c>companyCycleFallbackDays</c>.
/// </summary>
public sealed record CompanyCycle(double Days, CycleBasis Basis, int AccountsMeasured, bool IsFallback)
{
    public static CompanyCycle Of(ReadOnlySpan<AccountMeasures> measures, ReadOnlySpan<bool> exists, Policy policy)
    {
        if (policy.FixedCycleDays is { } pinned)
        {
            return new CompanyCycle(pinned, CycleBasis.Fixed, 0, false);
        }

        var medians = new List<double>();
        for (var i = 0; i < measures.Length; i++)
        {
            if (exists[i] && measures[i].CycleDates >= 2)
            {
                medians.Add(measures[i].OwnMedianGapDays);
            }
        }

        if (medians.Count == 0)
        {
            return new CompanyCycle(policy.CompanyCycleFallbackDays, CycleBasis.Company, 0, true);
        }

        medians.Sort();
        var n = medians.Count;
        var median = n % 2 == 1 ? medians[n / 2] : (medians[(n / 2) - 1] + medians[n / 2]) / 2.0;
        return new CompanyCycle(median, CycleBasis.Company, n, false);
    }
}
