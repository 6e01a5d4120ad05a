using System.Runtime.CompilerServices;
using Rekindle.Common;
using Rekindle.Policies;

namespace Rekindle.Lifecycle;

/// <summary>
/// What was observed of one account as of a date: the inputs of every rule, measured in one pass over its
/// facts. Days are day numbers; <see cref="AccountBook.NoDay"/> means none.
/// </summary>
public readonly record struct AccountMeasures
{
    public int FirstOrderDay { get; init; }
    public int LastOrderDay { get; init; }
    public int BookedOrders { get; init; }
    public int OrdersInRegularWindow { get; init; }
    public int OrdersInRevenueWindow { get; init; }
    public decimal RevenueInWindow { get; init; }

    /// <summary>Distinct booked-order dates within the cycle window.</summary>
    public int CycleDates { get; init; }

    /// <summary>Median gap in days between consecutive distinct order dates in the cycle window; NaN below two dates.</summary>
    public double OwnMedianGapDays { get; init; }

    /// <summary>Last engagement of a kind the policy counts, on or before the as-of date.</summary>
    public int LastEngagementDay { get; init; }

    /// <summary>Kind of that last engagement.</summary>
    public EngagementKind LastEngagementKind { get; init; }

    /// <summary>Opened day of the earliest opportunity open as of the date, or NoDay.</summary>
    public int OpenOpportunitySince { get; init; }

    /// <summary>Latest close day of opportunities closed on or before the date, or NoDay.</summary>
    public int LastOpportunityClosedDay { get; init; }

    public bool HasBookedOrder => BookedOrders > 0;

    public bool HasOpenOpportunity => OpenOpportunitySince != AccountBook.NoDay;

    /// <summary>Measures one account's facts as of <paramref name="asOf"/>; later facts are ignored.</summary>
    public static AccountMeasures Measure(AccountFacts facts, Policy policy, int asOf) =>
        Measure(facts, policy, asOf, EngagementMask(policy));

    /// <summary>The policy's counted engagement kinds as a bit mask (bit k set: kind k counts).</summary>
    public static uint EngagementMask(Policy policy)
    {
        var mask = 0u;
        foreach (var kind in policy.EngagementKinds)
        {
            mask |= 1u << (int)kind;
        }

        return mask;
    }

    /// <summary>As <see cref="Measure(AccountFacts, Policy, int)"/>, with the engagement mask computed once by the caller.</summary>
    [SkipLocalsInit]
    public static AccountMeasures Measure(AccountFacts facts, Policy policy, int asOf, uint engagementMask)
    {
        var first = AccountBook.NoDay;
        var last = AccountBook.NoDay;
        var booked = 0;
        var regular = 0;
        var inRevenueWindow = 0;
        var revenue = 0m;
        var cycleDates = 0;
        var previousCycleDate = AccountBook.NoDay;

        var days = facts.OrderDays;
        var statuses = facts.OrderStatuses;
        var amounts = facts.OrderAmounts;
        var regularWindow = policy.RegularWindowDays;
        var revenueWindow = policy.RevenueWindowDays;
        var cycleWindow = policy.CycleWindowDays;
        var orderEnd = UpTo(days, asOf);
        Span<int> gaps = stackalloc int[64];
        var gapCount = 0;
        for (var i = 0; i < orderEnd; i++)
        {
            if (statuses[i] != OrderStatus.Booked)
            {
                continue;
            }

            var day = days[i];
            var age = asOf - day;
            if (first == AccountBook.NoDay)
            {
                first = day;
            }

            last = day;
            booked++;
            if (age <= regularWindow)
            {
                regular++;
            }

            if (age <= revenueWindow)
            {
                inRevenueWindow++;
                revenue += amounts[i];
            }

            if (age <= cycleWindow && day != previousCycleDate)
            {
                if (previousCycleDate != AccountBook.NoDay)
                {
                    if (gapCount == gaps.Length)
                    {
                        var bigger = new int[gaps.Length * 2];
                        gaps.CopyTo(bigger);
                        gaps = bigger;
                    }

                    gaps[gapCount++] = day - previousCycleDate;
                }

                previousCycleDate = day;
                cycleDates++;
            }
        }

        var ownGap = gapCount == 0 ? double.NaN : Median(gaps[..gapCount]);

        var lastEngagement = AccountBook.NoDay;
        var lastKind = default(EngagementKind);
        var engagementEnd = UpTo(facts.EngagementDays, asOf);
        for (var i = engagementEnd - 1; i >= 0; i--)
        {
            if ((engagementMask & (1u << (int)facts.EngagementKinds[i])) != 0)
            {
                lastEngagement = facts.EngagementDays[i];
                lastKind = facts.EngagementKinds[i];
                break;
            }
        }

        var openSince = AccountBook.NoDay;
        var lastClosed = AccountBook.NoDay;
        var opportunityEnd = UpTo(facts.OpportunityOpened, asOf);
        for (var i = 0; i < opportunityEnd; i++)
        {
            var closed = facts.OpportunityClosed[i];
            if (closed == AccountBook.NoDay || closed > asOf)
            {
                if (openSince == AccountBook.NoDay)
                {
                    openSince = facts.OpportunityOpened[i];
                }
            }
            else if (lastClosed == AccountBook.NoDay || closed > lastClosed)
            {
                lastClosed = closed;
            }
        }

        return new AccountMeasures
        {
            FirstOrderDay = first,
            LastOrderDay = last,
            BookedOrders = booked,
            OrdersInRegularWindow = regular,
            OrdersInRevenueWindow = inRevenueWindow,
            RevenueInWindow = revenue,
            CycleDates = cycleDates,
            OwnMedianGapDays = ownGap,
            LastEngagementDay = lastEngagement,
            LastEngagementKind = lastKind,
            OpenOpportunitySince = openSince,
            LastOpportunityClosedDay = lastClosed,
        };
    }

    /// <summary>The number of leading days that are on or before <paramref name="asOf"/> (days sorted ascending).</summary>
    internal static int UpTo(ReadOnlySpan<int> sortedDays, int asOf)
    {
        if (sortedDays.Length == 0 || sortedDays[^1] <= asOf)
        {
            return sortedDays.Length;
        }

        int lo = 0, hi = sortedDays.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sortedDays[mid] <= asOf)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The median of the values (mean of the middle two for an even count); sorts them in place.</summary>
    public static double Median(Span<int> values)
    {
        if (values.Length <= 32)
        {
            // Insertion sort: faster than a general sort for the few gaps most accounts have.
            for (var i = 1; i < values.Length; i++)
            {
                var v = values[i];
                var j = i - 1;
                while (j >= 0 && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                }

                values[j + 1] = v;
            }
        }
        else
        {
            values.Sort();
        }

        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + (double)values[n / 2]) / 2.0;
    }
}
