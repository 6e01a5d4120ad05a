using Rekindle.Lifecycle;

namespace Rekindle.Pool;

/// <summary>
/// One rep's row of the fairness report over a window: claims granted, refusals by rule, how many of those claims
/// reached a first sale by the window's end (refunded first sales do not count) and the median days to it,
/// revenue won back (booked orders on claimed accounts net of refunds) and incentive overlay earned (handoff bonus
/// and accelerator, net of reversals).
/// </summary>
public sealed record RepFairness(
    string RepId,
    int Claims,
    IReadOnlyDictionary<RefusalRule, int> Refusals,
    int ClaimsWithFirstSale,
    double ClaimToFirstSaleRate,
    double? MedianDaysToFirstSale,
    decimal RevenueWonBack,
    decimal IncentivesEarned)
{
    public int RefusalCount => Refusals.Values.Sum();

    /// <summary>
    /// The value at stake (<see cref="Common.ValueAtStake"/>, as of each claim) of the accounts the rep claimed in the
    /// window: what the pool handed them. Filled in by the caller that reads the orders; 0 from the log alone.
    /// </summary>
    public decimal ValueAtStakeClaimed { get; init; }
}

/// <summary>Accounts in the pool at the end of a day.</summary>
public readonly record struct PoolSizePoint(DateOnly On, int Accounts);

/// <summary>
/// The pool fairness report for <c>[From, To]</c> (both included): per-rep rows, the pool size each day, and the
/// time in pool of stays that ended with a claim in the window (median days from release to claim), with the
/// number of accounts still waiting at the end.
/// </summary>
public sealed record FairnessReport(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<RepFairness> Reps,
    IReadOnlyList<PoolSizePoint> PoolSize,
    int StaysEnded,
    double? MedianDaysInPool,
    int StillInPool);

/// <summary>The fairness report as a pure function of the audit log: the same events and window, the same report.</summary>
public static class PoolFairness
{
    public static FairnessReport Build(IEnumerable<AuditEvent> events, DateOnly from, DateOnly to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var ordered = events.OrderBy(e => e.On).ToList();
        var reps = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        Tally Of(string rep) => reps.TryGetValue(rep, out var t) ? t : reps[rep] = new Tally();
        var pooledSince = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var stays = new List<int>();
        var claimsInWindow = new Dictionary<string, (string Rep, DateOnly On)>(StringComparer.Ordinal);
        var firstSales = new List<(string Claim, string Order, DateOnly On)>();
        var refunded = new HashSet<string>(StringComparer.Ordinal);
        var sizes = new List<PoolSizePoint>();
        var next = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            for (; next < ordered.Count && ordered[next].On <= day; next++)
            {
                var e = ordered[next];
                var inWindow = e.On >= from;
                switch (e.Action)
                {
                    case AuditAction.AccountReleased or AuditAction.ClaimReturned when e.AccountId is { } a:
                        pooledSince.TryAdd(a, e.On);
                        break;
                    case AuditAction.ClaimGranted when e.AccountId is { } a && e.RepId is { } rep:
                        if (pooledSince.Remove(a, out var since) && inWindow)
                        {
                            stays.Add(e.On.DayNumber - since.DayNumber);
                        }

                        if (inWindow && e.ClaimId is { } c)
                        {
                            claimsInWindow[c] = (rep, e.On);
                            Of(rep).Claims++;
                        }

                        break;
                    case AuditAction.ClaimRefused when inWindow && e.RepId is { } rep && PoolCodes.TryParse(e.Code, out RefusalRule rule):
                        var refusals = Of(rep).Refusals;
                        refusals[rule] = refusals.GetValueOrDefault(rule) + 1;
                        break;
                    case AuditAction.SaleOnClaim when e.RepId is { } rep:
                        if (e.Code == "first_sale" && e.ClaimId is { } saleClaim && e.OrderId is { } o)
                        {
                            firstSales.Add((saleClaim, o, e.On));
                        }

                        if (inWindow)
                        {
                            Of(rep).Revenue += e.Amount ?? 0m;
                        }

                        break;
                    case AuditAction.SaleOnClaimRefunded when e.RepId is { } rep:
                        refunded.Add(e.OrderId ?? "");
                        if (inWindow)
                        {
                            Of(rep).Revenue -= e.Amount ?? 0m;
                        }

                        break;
                    case AuditAction.CreditBooked or AuditAction.CreditReversed
                        when inWindow && e.RepId is { } rep && e.Code is "handoff_bonus" or "accelerator":
                        Of(rep).Incentives += e.Amount ?? 0m;
                        break;
                }
            }

            sizes.Add(new PoolSizePoint(day, pooledSince.Count));
        }

        foreach (var group in firstSales.Where(s => !refunded.Contains(s.Order)).GroupBy(s => s.Claim))
        {
            if (claimsInWindow.TryGetValue(group.Key, out var claim))
            {
                Of(claim.Rep).DaysToFirstSale.Add(group.Min(s => s.On).DayNumber - claim.On.DayNumber);
            }
        }

        var rows = reps.Select(r => r.Value.Row(r.Key)).ToList();
        return new FairnessReport(from, to, rows, sizes, stays.Count, Median(stays), pooledSince.Count);
    }

    private static double? Median(List<int> values) =>
        values.Count == 0 ? null : AccountMeasures.Median(values.ToArray());

    private sealed class Tally
    {
        public int Claims { get; set; }
        public Dictionary<RefusalRule, int> Refusals { get; } = [];
        public List<int> DaysToFirstSale { get; } = [];
        public decimal Revenue { get; set; }
        public decimal Incentives { get; set; }

        public RepFairness Row(string rep) => new(
            rep,
            Claims,
            Refusals.OrderBy(r => r.Key).ToDictionary(r => r.Key, r => r.Value),
            DaysToFirstSale.Count,
            Claims == 0 ? 0 : (double)DaysToFirstSale.Count / Claims,
            Median(DaysToFirstSale),
            Revenue,
            Incentives);
    }
}
