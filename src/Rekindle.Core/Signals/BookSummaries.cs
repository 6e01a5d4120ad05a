using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Models;

namespace Rekindle.Signals;

/// <summary>
/// The customer-base models' summaries (x, t_x, T, mean repeat spend) of every account of a book, built from its
/// booked orders up to a calibration end: same-day orders merged into one purchase, x counting repeat purchase days
/// only. Accounts with no booked order by then are not customers yet and are left out; <see cref="Accounts"/> maps
/// each summary back to its account.
/// </summary>
public sealed record BookSummaries(CustomerSummaries Summaries, int[] Accounts)
{
    public static BookSummaries From(AccountBook book, DateOnly calibrationEnd, TimeUnit unit, DateOnly? holdoutEnd = null)
    {
        var end = calibrationEnd.DayNumber;
        var holdout = holdoutEnd?.DayNumber;
        var scale = unit == TimeUnit.Weeks ? 7.0 : 1.0;
        var n = book.AccountCount;
        var x = new double[n];
        var tx = new double[n];
        var t = new double[n];
        var spend = new double[n];
        var later = new double[n];
        var included = new bool[n];
        Parallel.For(0, (n + 16383) / 16384, chunk =>
        {
            for (var a = chunk * 16384; a < Math.Min(n, (chunk + 1) * 16384); a++)
            {
                var facts = book.Facts(a);
                int first = AccountBook.NoDay, last = AccountBook.NoDay, repeatDays = 0, holdoutDays = 0;
                var repeatSpend = 0m;
                for (var i = 0; i < facts.OrderDays.Length; i++)
                {
                    if (facts.OrderStatuses[i] != OrderStatus.Booked)
                    {
                        continue;
                    }

                    var day = facts.OrderDays[i];
                    if (day > end)
                    {
                        if (holdout is { } h && day <= h && day != last)
                        {
                            holdoutDays++;
                            last = day;
                        }

                        continue;
                    }

                    if (first == AccountBook.NoDay)
                    {
                        first = day;
                    }
                    else if (day != first)
                    {
                        repeatSpend += facts.OrderAmounts[i];
                        repeatDays += day != last ? 1 : 0;
                    }

                    last = day;
                }

                if (first == AccountBook.NoDay)
                {
                    continue;
                }

                var lastInCalibration = LastBookedOnOrBefore(facts, end);
                included[a] = true;
                x[a] = repeatDays;
                tx[a] = repeatDays == 0 ? 0 : (lastInCalibration - first) / scale;
                t[a] = (end - first) / scale;
                spend[a] = repeatDays == 0 ? 0 : (double)(repeatSpend / repeatDays);
                later[a] = holdoutDays;
            }
        });

        var accounts = Enumerable.Range(0, n).Where(a => included[a]).ToArray();
        double[] Pick(double[] values) => Array.ConvertAll(accounts, a => values[a]);
        var ids = Array.ConvertAll(accounts, a => book.Accounts[a].Id);
        return new BookSummaries(
            new CustomerSummaries(Pick(x), Pick(tx), Pick(t), Pick(spend), holdoutEnd is null ? null : Pick(later), ids, unit),
            accounts);
    }

    private static int LastBookedOnOrBefore(AccountFacts facts, int end)
    {
        for (var i = facts.OrderDays.Length - 1; i >= 0; i--)
        {
            if (facts.OrderDays[i] <= end && facts.OrderStatuses[i] == OrderStatus.Booked)
            {
                return facts.OrderDays[i];
            }
        }

        return AccountBook.NoDay;
    }
}
