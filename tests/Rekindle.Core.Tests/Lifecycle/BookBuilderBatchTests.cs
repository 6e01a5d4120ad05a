using Rekindle.Common;
using Rekindle.Lifecycle;

namespace Rekindle.Core.Tests.Lifecycle;

/// <summary>Rows added in batches (a CSV part's columns) build the same book as the same rows added one by one.</summary>
public class BookBuilderBatchTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddOrdersAndEngagements_InBatches_SameBookAsOneByOne(bool sortedInput)
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 500)
            .Select(i => (Account: random.Next(20), Day: new DateOnly(2025, 1, 1).AddDays(random.Next(400)), Amount: random.Next(1, 1000) + 0.25m, Status: (OrderStatus)(i % 3), Kind: (EngagementKind)(i % 4)))
            .ToList();
        if (sortedInput)
        {
            rows = [.. rows.OrderBy(r => r.Account).ThenBy(r => r.Day)];
        }

        var single = Builder();
        foreach (var r in rows)
        {
            single.AddOrder(r.Account, r.Day, r.Amount, r.Status);
            single.AddEngagement(r.Account, r.Day, r.Kind);
        }

        var batched = Builder();
        foreach (var batch in rows.Chunk(37))
        {
            int[] accounts = [.. batch.Select(r => r.Account)];
            int[] days = [.. batch.Select(r => r.Day.DayNumber)];
            batched.AddOrders(accounts, days, [.. batch.Select(r => r.Amount)], [.. batch.Select(r => r.Status)]);
            batched.AddEngagements(accounts, days, [.. batch.Select(r => r.Kind)]);
        }

        Assert.Equal(Facts(single.Build()), Facts(batched.Build()));
    }

    [Theory]
    [InlineData(500)] // reserved exactly
    [InlineData(540)] // a little spare: the arrays are kept as they are
    [InlineData(5000)] // mostly spare: copied to their length
    public void Build_ReservedCapacity_CountsAndFactsAreTheRowsOnly(int reserved)
    {
        var rows = Enumerable.Range(0, 500).Select(i => (Account: i / 25, Day: new DateOnly(2025, 1, 1).AddDays(i % 25))).ToList();
        var plain = Builder();
        var reserving = Builder();
        reserving.ReserveOrders(reserved);
        reserving.ReserveEngagements(reserved);
        foreach (var b in new[] { plain, reserving })
        {
            foreach (var (account, day) in rows)
            {
                b.AddOrder(account, day, 10m, OrderStatus.Booked);
                b.AddEngagement(account, day, EngagementKind.Meeting);
            }
        }

        var book = reserving.Build();

        Assert.Equal(500, book.OrderCount);
        Assert.Equal(500, book.EngagementCount);
        Assert.Equal(25, book.Facts(19).OrderDays.Length);
        Assert.Equal(Facts(plain.Build()), Facts(book));
    }

    [Fact]
    public void AddOrders_ColumnsOfDifferentLengths_Refused() =>
        Assert.Throws<ArgumentException>(() => Builder().AddOrders([0, 1], [1], [1m, 2m], [OrderStatus.Booked, OrderStatus.Booked]));

    private static AccountBookBuilder Builder()
    {
        var builder = new AccountBookBuilder();
        for (var a = 0; a < 20; a++)
        {
            builder.AddAccount(new AccountInfo($"A{a:00}", $"Account {a}", "Retail", "West", new DateOnly(2024, 1, 1), "R1"));
        }

        return builder;
    }

    private static List<string> Facts(AccountBook book) =>
        [.. Enumerable.Range(0, book.AccountCount).Select(a =>
        {
            var f = book.Facts(a);
            return $"{string.Join(' ', f.OrderDays.ToArray())}|{string.Join(' ', f.OrderAmounts.ToArray())}|{string.Join(' ', f.OrderStatuses.ToArray())}|"
                + $"{string.Join(' ', f.EngagementDays.ToArray())}|{string.Join(' ', f.EngagementKinds.ToArray())}";
        })];
}
