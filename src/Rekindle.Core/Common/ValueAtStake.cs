namespace Rekindle.Common;

/// <summary>
/// An account's value at stake: the booked revenue of the <see cref="WindowDays"/> days up to its last booked order
/// on or before the as-of date, that is orders dated in <c>(last − 365, last]</c>. What the account was worth a year
/// when it stopped buying. One definition for the pool, handoff notes, segments and the fairness report; 0 for an
/// account with no booked order.
/// </summary>
public static class ValueAtStake
{
    /// <summary>The window's length in days, ending on (and including) the last booked order's date.</summary>
    public const int WindowDays = 365;

    /// <summary>From an account's orders sorted by day (as in <c>AccountFacts</c>); orders after <paramref name="asOf"/> are ignored.</summary>
    public static decimal Of(ReadOnlySpan<int> orderDays, ReadOnlySpan<decimal> amounts, ReadOnlySpan<OrderStatus> statuses, int asOf)
    {
        var last = -1;
        for (var i = 0; i < orderDays.Length && orderDays[i] <= asOf; i++)
        {
            if (statuses[i] == OrderStatus.Booked)
            {
                last = i;
            }
        }

        if (last < 0)
        {
            return 0m;
        }

        var total = 0m;
        for (var i = last; i >= 0 && orderDays[last] - orderDays[i] < WindowDays; i--)
        {
            if (statuses[i] == OrderStatus.Booked)
            {
                total += amounts[i];
            }
        }

        return total;
    }

    /// <summary>From an account's booked orders in any order (dates and amounts); orders after <paramref name="asOf"/> are ignored.</summary>
    public static decimal Of(IEnumerable<(DateOnly On, decimal Amount)> bookedOrders, DateOnly asOf)
    {
        var orders = bookedOrders.Where(o => o.On <= asOf).ToList();
        if (orders.Count == 0)
        {
            return 0m;
        }

        var last = orders.Max(o => o.On).DayNumber;
        return orders.Where(o => last - o.On.DayNumber < WindowDays).Sum(o => o.Amount);
    }
}
