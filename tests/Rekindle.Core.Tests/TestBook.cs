using System.Globalization;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Core.Tests;

/// <summary>A tiny builder for account histories in tests, with ISO dates.</summary>
public sealed class TestBook
{
    private readonly AccountBookBuilder builder = new();

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public TestBook Account(string id, string created = "2000-01-01", string owner = "R1")
    {
        builder.AddAccount(new AccountInfo(id, "Account " + id, "Retail", "EU", D(created), owner));
        return this;
    }

    public TestBook Order(string id, string date, decimal amount = 100m, OrderStatus status = OrderStatus.Booked)
    {
        builder.AddOrder(Index(id), D(date), amount, status);
        return this;
    }

    public TestBook Orders(string id, params string[] dates)
    {
        foreach (var d in dates)
        {
            Order(id, d);
        }

        return this;
    }

    /// <summary>Orders every <paramref name="gapDays"/> days, ending on <paramref name="last"/>.</summary>
    public TestBook Every(string id, int gapDays, int count, string last, decimal amount = 100m)
    {
        var end = D(last);
        for (var i = count - 1; i >= 0; i--)
        {
            builder.AddOrder(Index(id), end.AddDays(-i * gapDays), amount, OrderStatus.Booked);
        }

        return this;
    }

    public TestBook Engagement(string id, string date, EngagementKind kind = EngagementKind.Meeting)
    {
        builder.AddEngagement(Index(id), D(date), kind);
        return this;
    }

    public TestBook Opportunity(string id, string opened, string? closed = null)
    {
        builder.AddOpportunity(Index(id), D(opened), closed is null ? null : D(closed));
        return this;
    }

    public AccountBook Build() => builder.Build();

    public BookClassification Classify(string asOf, Policy? policy = null) =>
        LifecycleEngine.Classify(Build(), policy ?? Policy.Default, D(asOf));

    private int Index(string id)
    {
        var i = builder.IndexOf(id);
        return i >= 0 ? i : throw new ArgumentException($"Add account {id} first.");
    }
}
