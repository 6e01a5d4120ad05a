using Rekindle.Common;

namespace Rekindle.Lifecycle;

/// <summary>Who an account is: the directory part of the book, one per account.</summary>
public sealed record AccountInfo(
    string Id,
    string Name,
    string Industry,
    string Region,
    DateOnly CreatedOn,
    string OwnerRepId);

/// <summary>
/// Everything the lifecycle rules read, held column-wise: orders, engagements and opportunities in
/// arrays sorted by account and then by date, each account a contiguous slice. Per-account work takes
/// <see cref="Facts"/> (spans over its slice), so accounts can be processed independently and in parallel
/// with no per-order objects. Dates are day numbers (<see cref="DateOnly.DayNumber"/>). A column's array may be
/// longer than its rows (the builder's spare capacity, kept rather than copied): the row count is the last entry
/// of its start column. Build one with <see cref="AccountBookBuilder"/>.
/// </summary>
public sealed class AccountBook
{
    /// <summary>Day number used for "no such date" (an open opportunity's close, a missing order).</summary>
    public const int NoDay = int.MaxValue;

    internal AccountBook(
        AccountInfo[] accounts,
        int[] orderStart, int[] orderDay, decimal[] orderAmount, OrderStatus[] orderStatus,
        int[] engagementStart, int[] engagementDay, EngagementKind[] engagementKind,
        int[] opportunityStart, int[] opportunityOpened, int[] opportunityClosed)
    {
        Accounts = accounts;
        CreatedDay = Array.ConvertAll(accounts, a => a.CreatedOn.DayNumber);
        OrderStart = orderStart;
        OrderDay = orderDay;
        OrderAmount = orderAmount;
        OrderStatus = orderStatus;
        EngagementStart = engagementStart;
        EngagementDay = engagementDay;
        EngagementKind = engagementKind;
        OpportunityStart = opportunityStart;
        OpportunityOpened = opportunityOpened;
        OpportunityClosed = opportunityClosed;
        index = new Lazy<Dictionary<string, int>>(() =>
        {
            var map = new Dictionary<string, int>(accounts.Length, StringComparer.Ordinal);
            for (var i = 0; i < accounts.Length; i++)
            {
                map[accounts[i].Id] = i;
            }

            return map;
        });
    }

    private readonly Lazy<Dictionary<string, int>> index;

    /// <summary>
    /// A book of accounts only, with no orders, engagements or opportunities kept: what a classification computed
    /// from measures taken elsewhere (<see cref="LifecycleEngine.Decide"/>) points back to. <see cref="Facts"/>
    /// throws on it, so nothing can mistake it for accounts that never ordered.
    /// </summary>
    public static AccountBook WithoutFacts(IReadOnlyList<AccountInfo> accounts)
    {
        var start = new int[accounts.Count + 1];
        return new AccountBook([.. accounts], start, [], [], [], start, [], [], start, [], []) { HasFacts = false };
    }

    /// <summary>False for a book made by <see cref="WithoutFacts"/>.</summary>
    public bool HasFacts { get; private init; } = true;

    public IReadOnlyList<AccountInfo> Accounts { get; }

    public int AccountCount => Accounts.Count;

    public int OrderCount => OrderStart[^1];

    public int EngagementCount => EngagementStart[^1];

    public int OpportunityCount => OpportunityStart[^1];

    /// <summary>Each account's created-on date as a day number, for the hot path.</summary>
    internal int[] CreatedDay { get; }

    internal int[] OrderStart { get; }
    internal int[] OrderDay { get; }
    internal decimal[] OrderAmount { get; }
    internal OrderStatus[] OrderStatus { get; }
    internal int[] EngagementStart { get; }
    internal int[] EngagementDay { get; }
    internal EngagementKind[] EngagementKind { get; }
    internal int[] OpportunityStart { get; }
    internal int[] OpportunityOpened { get; }
    internal int[] OpportunityClosed { get; }

    /// <summary>The index of an account by its external id, or -1.</summary>
    public int IndexOf(string accountId) => index.Value.TryGetValue(accountId, out var i) ? i : -1;

    /// <summary>One account's facts: spans over its slice of each sorted column.</summary>
    public AccountFacts Facts(int account)
    {
        if (!HasFacts)
        {
            throw new InvalidOperationException("This book holds accounts only, without their facts: load the whole book for this.");
        }

        var o0 = OrderStart[account];
        var o1 = OrderStart[account + 1];
        var e0 = EngagementStart[account];
        var e1 = EngagementStart[account + 1];
        var p0 = OpportunityStart[account];
        var p1 = OpportunityStart[account + 1];
        return new AccountFacts(
            OrderDay.AsSpan(o0, o1 - o0), OrderAmount.AsSpan(o0, o1 - o0), OrderStatus.AsSpan(o0, o1 - o0),
            EngagementDay.AsSpan(e0, e1 - e0), EngagementKind.AsSpan(e0, e1 - e0),
            OpportunityOpened.AsSpan(p0, p1 - p0), OpportunityClosed.AsSpan(p0, p1 - p0));
    }
}

/// <summary>
/// One account's facts as spans, each sorted by date: orders (day, amount, status), engagements (day, kind),
/// opportunities (opened day, closed day or <see cref="AccountBook.NoDay"/> while open).
/// </summary>
public readonly ref struct AccountFacts(
    ReadOnlySpan<int> orderDays,
    ReadOnlySpan<decimal> orderAmounts,
    ReadOnlySpan<OrderStatus> orderStatuses,
    ReadOnlySpan<int> engagementDays,
    ReadOnlySpan<EngagementKind> engagementKinds,
    ReadOnlySpan<int> opportunityOpened,
    ReadOnlySpan<int> opportunityClosed)
{
    public ReadOnlySpan<int> OrderDays { get; } = orderDays;
    public ReadOnlySpan<decimal> OrderAmounts { get; } = orderAmounts;
    public ReadOnlySpan<OrderStatus> OrderStatuses { get; } = orderStatuses;
    public ReadOnlySpan<int> EngagementDays { get; } = engagementDays;
    public ReadOnlySpan<EngagementKind> EngagementKinds { get; } = engagementKinds;
    public ReadOnlySpan<int> OpportunityOpened { get; } = opportunityOpened;
    public ReadOnlySpan<int> OpportunityClosed { get; } = opportunityClosed;
}
