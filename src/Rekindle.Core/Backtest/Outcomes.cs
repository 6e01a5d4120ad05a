using Rekindle.Common;
using Rekindle.Lifecycle;

namespace Rekindle.Backtest;

/// <summary>What happened after an as-of date: whether each account placed a booked order within the horizon.</summary>
public static class Outcomes
{
    /// <summary>True for each account with no booked order dated in (asOf, asOf + horizonDays].</summary>
    public static bool[] LostWithin(AccountBook book, DateOnly asOf, int horizonDays)
    {
        var from = asOf.DayNumber;
        var to = from + horizonDays;
        var lost = new bool[book.AccountCount];
        for (var a = 0; a < book.AccountCount; a++)
        {
            var facts = book.Facts(a);
            var bought = false;
            for (var i = facts.OrderDays.Length - 1; i >= 0 && facts.OrderDays[i] > from; i--)
            {
                if (facts.OrderDays[i] <= to && facts.OrderStatuses[i] == OrderStatus.Booked)
                {
                    bought = true;
                    break;
                }
            }

            lost[a] = !bought;
        }

        return lost;
    }
}
