namespace Rekindle.Models;

/// <summary>One order of a customer: its date and amount.</summary>
public readonly record struct OrderEvent(DateOnly Date, decimal Amount);

/// <summary>
/// Builds calibration summaries from order events. Orders of one customer on the same day merge into one purchase
/// (amounts summed); the first purchase starts the customer's clock; purchases on later days up to and including the
/// calibration end are the repeat purchases; purchases after it, up to and including the holdout end, are counted
/// as holdout purchases. Customers whose first order is after the calibration end are left out.
/// </summary>
public static class SummaryBuilder
{
    /// <summary>The length from <paramref name="from"/> to <paramref name="to"/> in the given unit.</summary>
    public static double Length(DateOnly from, DateOnly to, TimeUnit unit)
    {
        var days = to.DayNumber - from.DayNumber;
        return unit == TimeUnit.Weeks ? days / 7.0 : days;
    }

    /// <summary>
    /// Summaries of many customers from order columns (one entry per order, any order). Customers come out in the
    /// order of their first appearance in <paramref name="customerIds"/>.
    /// </summary>
    public static CustomerSummaries Build(
        IReadOnlyList<string> customerIds,
        IReadOnlyList<DateOnly> dates,
        IReadOnlyList<decimal> amounts,
        DateOnly calibrationEnd,
        TimeUnit unit,
        DateOnly? holdoutEnd = null)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(amounts);
        if (dates.Count != customerIds.Count || amounts.Count != customerIds.Count)
        {
            throw new ArgumentException("Every order needs a customer id, a date and an amount.");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var keys = new long[customerIds.Count];
        var rows = new int[customerIds.Count];
        for (var i = 0; i < customerIds.Count; i++)
        {
            if (!index.TryGetValue(customerIds[i], out var c))
            {
                c = names.Count;
                index.Add(customerIds[i], c);
                names.Add(customerIds[i]);
            }

            keys[i] = ((long)c << 32) | (uint)dates[i].DayNumber;
            rows[i] = i;
        }

        Array.Sort(keys, rows);
        var x = new List<double>();
        var tx = new List<double>();
        var T = new List<double>();
        var spend = new List<double>();
        var holdout = new List<double>();
        var ids = new List<string>();
        var orders = new List<OrderEvent>();
        for (var start = 0; start < rows.Length;)
        {
            var customer = (int)(keys[start] >> 32);
            var end = start;
            orders.Clear();
            while (end < rows.Length && (int)(keys[end] >> 32) == customer)
            {
                orders.Add(new OrderEvent(dates[rows[end]], amounts[rows[end]]));
                end++;
            }

            var summary = Summarise(names[customer], System.Runtime.InteropServices.CollectionsMarshal.AsSpan(orders), calibrationEnd, unit, holdoutEnd);
            if (summary is { } s)
            {
                x.Add(s.X);
                tx.Add(s.Tx);
                T.Add(s.T);
                spend.Add(s.MeanSpend);
                holdout.Add(s.HoldoutPurchases);
                ids.Add(s.Id);
            }

            start = end;
        }

        return new CustomerSummaries([.. x], [.. tx], [.. T], [.. spend], holdoutEnd is null ? null : [.. holdout], [.. ids], unit);
    }

    /// <summary>One customer's summary from its orders sorted by date; null when the first order is after the calibration end.</summary>
    public static CustomerSummary? Summarise(string id, ReadOnlySpan<OrderEvent> ordersByDate, DateOnly calibrationEnd, TimeUnit unit, DateOnly? holdoutEnd = null)
    {
        if (ordersByDate.IsEmpty || ordersByDate[0].Date > calibrationEnd)
        {
            return null;
        }

        var first = ordersByDate[0].Date;
        int repeats = 0, holdoutDays = 0;
        var last = first;
        decimal repeatSpend = 0;
        for (var i = 1; i < ordersByDate.Length; i++)
        {
            var order = ordersByDate[i];
            if (order.Date < ordersByDate[i - 1].Date)
            {
                throw new ArgumentException($"Orders of customer {id} are not sorted by date.");
            }

            var newDay = order.Date != ordersByDate[i - 1].Date;
            if (order.Date <= calibrationEnd && order.Date != first)
            {
                repeats += newDay ? 1 : 0;
                repeatSpend += order.Amount;
                last = order.Date;
            }
            else if (order.Date > calibrationEnd && newDay && (holdoutEnd is null || order.Date <= holdoutEnd))
            {
                holdoutDays++;
            }
        }

        return new CustomerSummary(
            id,
            repeats,
            Length(first, last, unit),
            Length(first, calibrationEnd, unit),
            repeats == 0 ? 0 : (double)(repeatSpend / repeats),
            holdoutDays);
    }
}
