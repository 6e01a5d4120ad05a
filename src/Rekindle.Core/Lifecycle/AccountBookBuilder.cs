using Rekindle.Common;

namespace Rekindle.Lifecycle;

/// <summary>
/// Collects accounts and their facts in any order and builds an <see cref="AccountBook"/> sorted by
/// account and date. Rows refer to accounts by the index <see cref="AddAccount"/> returned.
/// </summary>
public sealed class AccountBookBuilder
{
    private readonly List<AccountInfo> accounts = [];
    private readonly Dictionary<string, int> accountIndex = new(StringComparer.Ordinal);
    private Column<int> orderAccount = new(), orderDay = new(), engagementAccount = new(), engagementDay = new(),
        opportunityAccount = new(), opportunityOpened = new(), opportunityClosed = new();
    private Column<decimal> orderAmount = new();
    private Column<OrderStatus> orderStatus = new();
    private Column<EngagementKind> engagementKind = new();

    public int AccountCount => accounts.Count;

    /// <summary>Adds an account and returns its index. The caller checks ids for duplicates first.</summary>
    public int AddAccount(AccountInfo account)
    {
        if (!accountIndex.TryAdd(account.Id, accounts.Count))
        {
            throw new ArgumentException($"Account {account.Id} was added twice.", nameof(account));
        }

        accounts.Add(account);
        return accounts.Count - 1;
    }

    /// <summary>The id of the account at <paramref name="index"/>.</summary>
    public string Id(int index) => accounts[index].Id;

    /// <summary>The index of an account added before, or -1.</summary>
    public int IndexOf(string accountId) => accountIndex.TryGetValue(accountId, out var i) ? i : -1;

    public void AddOrder(int account, DateOnly date, decimal amount, OrderStatus status)
    {
        orderAccount.Add(account);
        orderDay.Add(date.DayNumber);
        orderAmount.Add(amount);
        orderStatus.Add(status);
    }

    public void AddEngagement(int account, DateOnly date, EngagementKind kind)
    {
        engagementAccount.Add(account);
        engagementDay.Add(date.DayNumber);
        engagementKind.Add(kind);
    }

    /// <summary>Adds an opportunity; <paramref name="closed"/> is null while it is open.</summary>
    public void AddOpportunity(int account, DateOnly opened, DateOnly? closed)
    {
        opportunityAccount.Add(account);
        opportunityOpened.Add(opened.DayNumber);
        opportunityClosed.Add(closed?.DayNumber ?? AccountBook.NoDay);
    }

    /// <summary>Sorts every column by account and date and hands the arrays to a new book.</summary>
    public AccountBook Build()
    {
        var n = accounts.Count;
        var (orderStart, orderPerm) = Order(orderAccount.AsSpan(), orderDay.AsSpan(), n);
        var (engagementStart, engagementPerm) = Order(engagementAccount.AsSpan(), engagementDay.AsSpan(), n);
        var (opportunityStart, opportunityPerm) = Order(opportunityAccount.AsSpan(), opportunityOpened.AsSpan(), n);

        var book = new AccountBook(
            [.. accounts],
            orderStart, Gather(orderDay.AsSpan(), orderPerm), Gather(orderAmount.AsSpan(), orderPerm), Gather(orderStatus.AsSpan(), orderPerm),
            engagementStart, Gather(engagementDay.AsSpan(), engagementPerm), Gather(engagementKind.AsSpan(), engagementPerm),
            opportunityStart, Gather(opportunityOpened.AsSpan(), opportunityPerm), Gather(opportunityClosed.AsSpan(), opportunityPerm));

        orderAccount = new(); orderDay = new(); orderAmount = new(); orderStatus = new();
        engagementAccount = new(); engagementDay = new(); engagementKind = new();
        opportunityAccount = new(); opportunityOpened = new(); opportunityClosed = new();
        return book;
    }

    /// <summary>A stable counting sort by account, then each account's slice sorted by day (stable).</summary>
    private static (int[] Start, int[] Permutation) Order(ReadOnlySpan<int> account, ReadOnlySpan<int> day, int accountCount)
    {
        var start = new int[accountCount + 1];
        foreach (var a in account)
        {
            start[a + 1]++;
        }

        for (var i = 0; i < accountCount; i++)
        {
            start[i + 1] += start[i];
        }

        var next = start[..accountCount];
        var perm = new int[account.Length];
        for (var row = 0; row < account.Length; row++)
        {
            perm[next[account[row]]++] = row;
        }

        long[]? keys = null;
        for (var a = 0; a < accountCount; a++)
        {
            var slice = perm.AsSpan(start[a], start[a + 1] - start[a]);
            if (IsSortedByDay(slice, day))
            {
                continue;
            }

            keys = keys is null || keys.Length < slice.Length ? new long[Math.Max(slice.Length, 64)] : keys;
            var k = keys.AsSpan(0, slice.Length);
            for (var i = 0; i < slice.Length; i++)
            {
                // Day in the high bits, original row in the low bits: a stable sort by day.
                k[i] = ((long)day[slice[i]] << 32) | (uint)slice[i];
            }

            k.Sort();
            for (var i = 0; i < slice.Length; i++)
            {
                slice[i] = (int)(k[i] & 0xFFFFFFFF);
            }
        }

        return (start, perm);
    }

    private static bool IsSortedByDay(ReadOnlySpan<int> rows, ReadOnlySpan<int> day)
    {
        for (var i = 1; i < rows.Length; i++)
        {
            if (day[rows[i]] < day[rows[i - 1]])
            {
                return false;
            }
        }

        return true;
    }

    private static T[] Gather<T>(ReadOnlySpan<T> source, int[] permutation)
    {
        var result = new T[permutation.Length];
        for (var i = 0; i < permutation.Length; i++)
        {
            result[i] = source[permutation[i]];
        }

        return result;
    }

    /// <summary>A growable array with no per-element object: a column of the book while it is built.</summary>
    private sealed class Column<T>
    {
        private T[] items = new T[16];
        private int count;

        public void Add(T item)
        {
            if (count == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            items[count++] = item;
        }

        public ReadOnlySpan<T> AsSpan() => items.AsSpan(0, count);
    }
}
