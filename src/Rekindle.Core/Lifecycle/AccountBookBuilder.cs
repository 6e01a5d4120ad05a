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
    private Arrival orderOrder = new(), engagementOrder = new(), opportunityOrder = new();

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

    /// <summary>Sizes the order columns once for about <paramref name="rows"/> orders (a hint; they still grow).</summary>
    public void ReserveOrders(long rows)
    {
        orderAccount.Reserve(rows);
        orderDay.Reserve(rows);
        orderAmount.Reserve(rows);
        orderStatus.Reserve(rows);
    }

    /// <summary>Sizes the engagement columns once for about <paramref name="rows"/> engagements.</summary>
    public void ReserveEngagements(long rows)
    {
        engagementAccount.Reserve(rows);
        engagementDay.Reserve(rows);
        engagementKind.Reserve(rows);
    }

    public void AddOrder(int account, DateOnly date, decimal amount, OrderStatus status)
    {
        orderOrder.Note(account, date.DayNumber);
        orderAccount.Add(account);
        orderDay.Add(date.DayNumber);
        orderAmount.Add(amount);
        orderStatus.Add(status);
    }

    /// <summary>Adds many orders at once (columns of one length, days as <see cref="DateOnly.DayNumber"/>), as if one by one.</summary>
    public void AddOrders(ReadOnlySpan<int> accounts, ReadOnlySpan<int> days, ReadOnlySpan<decimal> amounts, ReadOnlySpan<OrderStatus> statuses)
    {
        SameLength(accounts.Length, days.Length, amounts.Length, statuses.Length);
        orderOrder.Note(accounts, days);
        orderAccount.AddRange(accounts);
        orderDay.AddRange(days);
        orderAmount.AddRange(amounts);
        orderStatus.AddRange(statuses);
    }

    /// <summary>Adds many engagements at once (columns of one length, days as <see cref="DateOnly.DayNumber"/>), as if one by one.</summary>
    public void AddEngagements(ReadOnlySpan<int> accounts, ReadOnlySpan<int> days, ReadOnlySpan<EngagementKind> kinds)
    {
        SameLength(accounts.Length, days.Length, kinds.Length);
        engagementOrder.Note(accounts, days);
        engagementAccount.AddRange(accounts);
        engagementDay.AddRange(days);
        engagementKind.AddRange(kinds);
    }

    private static void SameLength(params ReadOnlySpan<int> lengths)
    {
        if (lengths.ContainsAnyExcept(lengths[0]))
        {
            throw new ArgumentException("The columns of a batch must have the same length.");
        }
    }

    public void AddEngagement(int account, DateOnly date, EngagementKind kind)
    {
        engagementOrder.Note(account, date.DayNumber);
        engagementAccount.Add(account);
        engagementDay.Add(date.DayNumber);
        engagementKind.Add(kind);
    }

    /// <summary>Adds an opportunity; <paramref name="closed"/> is null while it is open.</summary>
    public void AddOpportunity(int account, DateOnly opened, DateOnly? closed)
    {
        opportunityOrder.Note(account, opened.DayNumber);
        opportunityAccount.Add(account);
        opportunityOpened.Add(opened.DayNumber);
        opportunityClosed.Add(closed?.DayNumber ?? AccountBook.NoDay);
    }

    /// <summary>
    /// Sorts every column by account and date and hands the arrays to a new book. Rows that arrived already
    /// sorted (files exported by account and date) are kept as they are, in the arrays they were added to: no
    /// permutation, no second copy.
    /// Each builder column is released as soon as its book column exists, to keep the peak of memory low.
    /// </summary>
    public AccountBook Build()
    {
        var n = accounts.Count;
        var (orderStart, orderPerm) = Order(orderAccount, orderDay.AsSpan(), n, orderOrder.Sorted);
        orderAccount = new();
        var orderDays = Gather(ref orderDay, orderPerm);
        var orderAmounts = Gather(ref orderAmount, orderPerm);
        var orderStatuses = Gather(ref orderStatus, orderPerm);

        var (engagementStart, engagementPerm) = Order(engagementAccount, engagementDay.AsSpan(), n, engagementOrder.Sorted);
        engagementAccount = new();
        var engagementDays = Gather(ref engagementDay, engagementPerm);
        var engagementKinds = Gather(ref engagementKind, engagementPerm);

        var (opportunityStart, opportunityPerm) = Order(opportunityAccount, opportunityOpened.AsSpan(), n, opportunityOrder.Sorted);
        opportunityAccount = new();
        var opened = Gather(ref opportunityOpened, opportunityPerm);
        var closed = Gather(ref opportunityClosed, opportunityPerm);

        orderOrder = new(); engagementOrder = new(); opportunityOrder = new();
        return new AccountBook(
            [.. accounts],
            orderStart, orderDays, orderAmounts, orderStatuses,
            engagementStart, engagementDays, engagementKinds,
            opportunityStart, opened, closed);
    }

    /// <summary>A stable counting sort by account, then each account's slice sorted by day (stable).</summary>
    private static (int[] Start, int[]? Permutation) Order(Column<int> accountColumn, ReadOnlySpan<int> day, int accountCount, bool sorted)
    {
        var account = accountColumn.AsSpan();
        var start = new int[accountCount + 1];
        foreach (var a in account)
        {
            start[a + 1]++;
        }

        for (var i = 0; i < accountCount; i++)
        {
            start[i + 1] += start[i];
        }

        if (sorted)
        {
            return (start, null);
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

    private static T[] Gather<T>(ref Column<T> column, int[]? permutation)
    {
        var source = column.AsSpan();
        T[] result;
        if (permutation is null)
        {
            result = column.Detach();
        }
        else
        {
            result = new T[permutation.Length];
            for (var i = 0; i < permutation.Length; i++)
            {
                result[i] = source[permutation[i]];
            }
        }

        column = new();
        return result;
    }

    /// <summary>Tracks whether rows arrive sorted by account and then by day.</summary>
    private sealed class Arrival
    {
        private int lastAccount = -1;
        private int lastDay = int.MinValue;

        public bool Sorted { get; private set; } = true;

        public void Note(int account, int day)
        {
            if (account < lastAccount || (account == lastAccount && day < lastDay))
            {
                Sorted = false;
            }

            lastAccount = account;
            lastDay = day;
        }

        public void Note(ReadOnlySpan<int> accounts, ReadOnlySpan<int> days)
        {
            for (var i = 0; i < accounts.Length && Sorted; i++)
            {
                Note(accounts[i], days[i]);
            }

            if (accounts.Length > 0)
            {
                lastAccount = accounts[^1];
                lastDay = days[^1];
            }
        }
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
                Array.Resize(ref items, (int)Math.Min((long)items.Length * 2, Array.MaxLength));
            }

            items[count++] = item;
        }

        public void AddRange(ReadOnlySpan<T> more)
        {
            if ((long)count + more.Length > items.Length)
            {
                Array.Resize(ref items, (int)Math.Min(Math.Max((long)items.Length * 2, (long)count + more.Length), Array.MaxLength));
            }

            more.CopyTo(items.AsSpan(count));
            count += more.Length;
        }

        public ReadOnlySpan<T> AsSpan() => items.AsSpan(0, count);

        public void Reserve(long capacity)
        {
            if (capacity > items.Length)
            {
                Array.Resize(ref items, (int)Math.Min(capacity, Array.MaxLength));
            }
        }

        /// <summary>
        /// The items as an array, taken over as it is: the rows first, then spare capacity the book ignores. Only when
        /// more than an eighth of it would be spare is it copied to its exact length (memory held for the book's life
        /// against a copy of the whole column).
        /// </summary>
        public T[] Detach()
        {
            if (items.Length - count > count / 8)
            {
                // Every element is copied over: no need to zero hundreds of megabytes first.
                var exact = GC.AllocateUninitializedArray<T>(count);
                items.AsSpan(0, count).CopyTo(exact);
                items = exact;
            }

            var result = items;
            items = [];
            count = 0;
            return result;
        }
    }
}
