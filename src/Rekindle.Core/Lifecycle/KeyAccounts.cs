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

        // Largest revenue first (keys negated, so an ascending sort of primitive keys); equal revenue in
        // account order, so the optional cap is deterministic.
        var order = Enumerable.Range(0, candidates.Count).ToArray();
        var keys = new decimal[revenue.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = -revenue[i];
        }

        Array.Sort(keys, order);
        for (var i = 0; i < order.Length;)
        {
            var j = i + 1;
            while (j < order.Length && keys[j] == keys[i])
            {
                j++;
            }

            if (j - i > 1)
            {
                Array.Sort(order, i, j - i);
            }

            i = j;
        }

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
