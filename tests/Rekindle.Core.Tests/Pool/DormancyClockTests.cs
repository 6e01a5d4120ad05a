using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Pool;

/// <summary>Dormant-since: the first day the account is dormant, checked by classifying the day before and the day itself.</summary>
public class DormancyClockTests
{
    private static readonly Policy Pinned = Policy.Default with { FixedCycleDays = 30 };

    public static TheoryData<string, TestBook, Policy, string> Cases => new()
    {
        // last order 2024-01-10: dormant once more than 365 days have passed
        { "recency", new TestBook().Account("A").Orders("A", "2023-06-01", "2024-01-10"), Pinned, "2025-01-10" },
        // an engagement on 2024-12-01 keeps it passive for 90 days
        { "engagement", new TestBook().Account("A").Orders("A", "2023-06-01", "2024-01-10").Engagement("A", "2024-12-01"), Pinned, "2025-03-02" },
        // an opportunity closed on 2024-11-01 keeps it out of dormancy for 180 days
        { "pipeline", new TestBook().Account("A").Orders("A", "2023-06-01", "2024-01-10").Opportunity("A", "2024-09-01", "2024-11-01"), Pinned, "2025-04-30" },
        // a 300-day cycle: lapsed only beyond 600 days
        { "long cycle", new TestBook().Account("A").Orders("A", "2023-06-01", "2024-01-10"), Policy.Default with { FixedCycleDays = 300 }, "2025-09-02" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Since_BindingRule_IsFirstDormantDay(string rule, TestBook book, Policy policy, string expected)
    {
        var since = D(expected);
        var built = book.Build();
        var onTheDay = LifecycleEngine.Classify(built, policy, since);
        Assert.True(onTheDay[0].Status == LifecycleStatus.Dormant, rule);
        Assert.Equal(since, DormancyClock.Since(onTheDay[0], policy));
        Assert.NotEqual(LifecycleStatus.Dormant, LifecycleEngine.Classify(built, policy, since.AddDays(-1))[0].Status);
        var later = LifecycleEngine.Classify(built, policy, since.AddDays(200));
        Assert.Equal(since, DormancyClock.Since(later[0], policy));
    }

    [Fact]
    public void Since_NotDormant_IsNull()
    {
        var c = new TestBook().Account("A").Orders("A", "2025-01-01").Classify("2025-06-01", Pinned);
        Assert.Null(DormancyClock.Since(c[0], Pinned));
    }

    [Fact]
    public void Facts_Classification_ListsDormantAccountsOnly()
    {
        var c = new TestBook().Account("A").Account("B").Account("C")
            .Orders("A", "2023-06-01", "2024-01-10").Orders("B", "2024-12-01").Classify("2025-02-01", Pinned);
        Assert.Equal([new DormancyFact("A", D("2025-01-10"))], DormancyClock.Facts(c));
    }

    [Fact]
    public void FromHistory_TrailingDormantRun_StartsAtFirstDormantStep()
    {
        var book = new TestBook().Account("A").Account("B").Orders("A", "2023-06-01", "2024-01-10").Orders("B", "2024-12-01").Build();
        var history = ClassificationHistory.Run(book, Pinned, D("2024-12-01"), D("2025-02-01"), 7);
        // steps: 2024-12-01, -08, ..., 2025-01-05, 2025-01-12 (first step on or after 2025-01-10), ..., 2025-01-26, 2025-02-01
        Assert.Equal([new DormancyFact("A", D("2025-01-12"))], DormancyClock.FromHistory(history));
    }
}
