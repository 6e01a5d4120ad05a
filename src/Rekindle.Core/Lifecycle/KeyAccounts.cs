using Rekindle.Policies;

namespace Rekindle.Lifecycle;

/// <summary>
/// Key accounts, the 80/20 rule: the fewest accounts whose trailing revenue makes up <c>keyRevenueShare</c> of
/// the total. Accounts are taken by revenue, largest first, until the running sum reaches the share; accounts
/// tied with the last one taken are key too, so the result never depends on the order of ties. The optional
/// <c>keyMaxAccounts</c> cap then keeps the largest (ties at the cap broken by account order).
/// Accounts with no positive revenue are never key.
/// </summary>
public static class KeyAccounts
{
    public static bool[] Select(ReadOnlySpan<AccountMeasures> measures, ReadOnlySpan<bool> exists, Policy policy)
    {
        var key = new bool[measures.Length];
        var candidates = new List<int>();
        var total = 0m;
        for (var i = 0; i < measures.Length; i++)
        {
            if (exists[i] && measures[i].RevenueInWindow > 0)
            {
                candidates.Add(i);
                total += measures[i].RevenueInWindow;
            }
        }

        if (candidates.Count == 0)
        {
            return key;
        }

        var revenue = new decimal[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            revenue[i] = measures[candidates[i]].RevenueInWindow;
        }

        // Largest revenue first; equal revenue in account order (a stable, deterministic order).
        var order = Enumerable.Range(0, candidates.Count).ToArray();
        Array.Sort(order, (x, y) =>
        {
            var c = revenue[y].CompareTo(revenue[x]);
            return c != 0 ? c : x.CompareTo(y);
        });

        var target = total * policy.KeyRevenueShare;
        var running = 0m;
        var taken = 0;
        while (taken < order.Length && running < target)
        {
            running += revenue[order[taken]];
            taken++;
        }

        var cutRevenue = revenue[order[taken - 1]];
        while (taken < order.Length && revenue[order[taken]] == cutRevenue)
        {
            taken++;
        }

        if (policy.KeyMaxAccounts is { } cap && taken > cap)
        {
            taken = cap;
        }

        for (var i = 0; i < taken; i++)
        {
            key[candidates[order[i]]] = true;
        }

        return key;
    }
}
