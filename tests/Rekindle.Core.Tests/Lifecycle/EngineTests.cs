using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Core.Tests.Lifecycle;

public class EngineTests
{
    [Fact]
    public void Classify_SameResultOnOneThreadAndMany()
    {
        var book = new TestBook();
        var random = new Random(7);
        for (var i = 0; i < 40_000; i++)
        {
            var id = $"A{i:D5}";
            book.Account(id);
            var day = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 300));
            var orders = random.Next(0, 12);
            for (var o = 0; o < orders; o++)
            {
                day = day.AddDays(random.Next(1, 120));
                book.Order(id, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), random.Next(1, 5000));
            }
        }

        var built = book.Build();
        var one = LifecycleEngine.Classify(built, Policy.Default, new DateOnly(2026, 6, 30), maxDegreeOfParallelism: 1);
        var many = LifecycleEngine.Classify(built, Policy.Default, new DateOnly(2026, 6, 30), maxDegreeOfParallelism: 4);
        Assert.Equal(one.Accounts, many.Accounts);
        Assert.Equal(one.CompanyCycle, many.CompanyCycle);
    }

    [Fact]
    public void Transitions_CountMovesBetweenTwoDates()
    {
        var book = new TestBook()
            .Account("A").Orders("A", "2025-01-01", "2025-02-01", "2025-03-01")
            .Account("B", created: "2025-12-01")
            .Build();
        var policy = Policy.Default with { FixedCycleDays = 30 };
        var before = LifecycleEngine.Classify(book, policy, new DateOnly(2025, 3, 15));
        var after = LifecycleEngine.Classify(book, policy, new DateOnly(2026, 6, 1));
        var matrix = TransitionMatrix.Between(before, after);
        Assert.Equal(LifecycleStatus.New, before[0].Status);
        Assert.Equal(LifecycleStatus.Dormant, after[0].Status);
        Assert.Equal(1, matrix[LifecycleStatus.New, LifecycleStatus.Dormant]);
        Assert.Equal(1, matrix.Appeared[(int)LifecycleStatus.Prospect]);
        Assert.Equal(1, matrix.Changed);
    }

    [Fact]
    public void History_RecordsEachAccountsTransitionsWithDates()
    {
        var book = new TestBook().Account("A").Orders("A", "2025-01-01", "2025-01-31", "2025-03-02").Build();
        var history = ClassificationHistory.Run(book, Policy.Default with { FixedCycleDays = 30 }, new DateOnly(2025, 3, 1), new DateOnly(2026, 6, 1), 90);
        var changes = history.Changes().ToList();
        Assert.Equal(history.Dates.Count - 1, history.Transitions.Count);
        Assert.Equal(LifecycleStatus.New, changes[0].Before);
        Assert.All(changes, c => Assert.Equal("A", c.AccountId));
        Assert.Equal(LifecycleStatus.Dormant, changes[^1].After);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-11-01", 30, 12, "2026-10-28")] // 2026-10-28 is a step; the last step is 4 days
    [InlineData("2026-01-01", "2026-01-31", 30, 2, "2026-01-01")]  // a step lands on --to: no repeat
    [InlineData("2026-01-01", "2026-01-01", 30, 1, null)]
    public void DatesFor_StepsUpToTo_LastDateIsTo(string from, string to, int step, int count, string? beforeLast)
    {
        var dates = ClassificationHistory.DatesFor(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), step);
        Assert.Equal(count, dates.Count);
        Assert.Equal(to, dates[^1].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (beforeLast is not null)
        {
            Assert.Equal(beforeLast, dates[^2].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
