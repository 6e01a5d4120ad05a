using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Lifecycle;

/// <summary>Each lifecycle rule at its boundaries: the day before, on and after each threshold.</summary>
public class StatusRulesTests
{
    private const string AsOf = "2026-06-30";

    // Pin the cycle so thresholds are exact: lapsed beyond 2.0 x 30 = 60 days.
    private static readonly Policy Pinned = Policy.Default with { FixedCycleDays = 30 };

    private static AccountClassification One(TestBook book, Policy? policy = null, string asOf = AsOf) =>
        book.Classify(asOf, policy ?? Pinned)[0];

    private static string DaysBefore(int days, string asOf = AsOf) => D(asOf).AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Classify_NoBookedOrder_IsProspect()
    {
        var c = One(new TestBook().Account("A"));
        Assert.Equal(LifecycleStatus.Prospect, c.Status);
    }

    [Fact]
    public void Classify_OnlyCancelledAndRefundedOrders_IsProspect()
    {
        var c = One(new TestBook().Account("A")
            .Order("A", DaysBefore(10), 100, OrderStatus.Cancelled)
            .Order("A", DaysBefore(20), 100, OrderStatus.Refunded));
        Assert.Equal(LifecycleStatus.Prospect, c.Status);
        Assert.Equal(0m, c.Measures.RevenueInWindow);
    }

    [Theory]
    [InlineData(89, LifecycleStatus.New)]
    [InlineData(90, LifecycleStatus.New)]
    [InlineData(91, LifecycleStatus.Occasional)]
    public void Classify_FirstOrderAroundNewAccountDays(int daysAgo, LifecycleStatus expected)
    {
        // A second order 10 days ago keeps it within its cycle once it is no longer new.
        var c = One(new TestBook().Account("A").Orders("A", DaysBefore(daysAgo), DaysBefore(10)));
        Assert.Equal(expected, c.Status);
    }

    [Theory]
    [InlineData(59, LifecycleStatus.Active)]
    [InlineData(60, LifecycleStatus.Active)]
    [InlineData(61, LifecycleStatus.Inactive)]
    public void Classify_DaysSinceLastOrderAroundTwoCycles(int daysAgo, LifecycleStatus expected)
    {
        var c = One(new TestBook().Account("A").Every("A", 30, 3, DaysBefore(daysAgo)).Order("A", DaysBefore(400)));
        Assert.Equal(expected, c.Status);
        Assert.Equal(60.0, c.LapseThresholdDays);
    }

    [Theory]
    [InlineData(2, LifecycleStatus.Occasional)]
    [InlineData(3, LifecycleStatus.Active)]
    [InlineData(4, LifecycleStatus.Active)]
    public void Classify_OrdersInRegularWindowAroundRegularMinOrders(int orders, LifecycleStatus expected)
    {
        var c = One(new TestBook().Account("A").Every("A", 20, orders, DaysBefore(5)).Order("A", DaysBefore(1000)));
        Assert.Equal(expected, c.Status);
    }

    [Theory]
    [InlineData(364, LifecycleStatus.Active)]
    [InlineData(365, LifecycleStatus.Active)]
    [InlineData(366, LifecycleStatus.Occasional)]
    public void Classify_OldestOrderAroundRegularWindowDays(int oldestDaysAgo, LifecycleStatus expected)
    {
        var c = One(new TestBook().Account("A").Orders("A", DaysBefore(1000), DaysBefore(oldestDaysAgo), DaysBefore(20), DaysBefore(5)));
        Assert.Equal(expected, c.Status);
    }

    [Theory]
    [InlineData(89, LifecycleStatus.Passive)]
    [InlineData(90, LifecycleStatus.Passive)]
    [InlineData(91, LifecycleStatus.Inactive)]
    public void Classify_LapsedWithEngagementAroundEngagementWindow(int engagedDaysAgo, LifecycleStatus expected)
    {
        var c = One(new TestBook().Account("A").Orders("A", DaysBefore(300), DaysBefore(200)).Engagement("A", DaysBefore(engagedDaysAgo)));
        Assert.Equal(expected, c.Status);
    }

    [Theory]
    [InlineData(EngagementKind.WebVisit, true)]
    [InlineData(EngagementKind.EmailClick, true)]
    [InlineData(EngagementKind.CallAnswered, true)]
    [InlineData(EngagementKind.Meeting, true)]
    [InlineData(EngagementKind.SupportTicket, true)]
    [InlineData(EngagementKind.Event, true)]
    [InlineData(EngagementKind.EmailOpen, false)]
    [InlineData(EngagementKind.CallUnanswered, false)]
    public void Classify_EngagementKindsThatKeepALapsedAccountPassive(EngagementKind kind, bool passive)
    {
        var c = One(new TestBook().Account("A").Orders("A", DaysBefore(300), DaysBefore(200)).Engagement("A", DaysBefore(5), kind));
        Assert.Equal(passive ? LifecycleStatus.Passive : LifecycleStatus.Inactive, c.Status);
    }

    [Fact]
    public void Classify_EngagementKindsComeFromThePolicy()
    {
        var policy = Pinned with { EngagementKinds = [EngagementKind.EmailOpen] };
        var book = new TestBook().Account("A").Orders("A", DaysBefore(300), DaysBefore(200)).Engagement("A", DaysBefore(5), EngagementKind.EmailOpen);
        Assert.Equal(LifecycleStatus.Passive, One(book, policy).Status);
    }

    [Fact]
    public void Classify_LapsedWithOpenOpportunity_IsPassive()
    {
        var c = One(new TestBook().Account("A").Orders("A", DaysBefore(800), DaysBefore(700)).Opportunity("A", DaysBefore(400)));
        Assert.Equal(LifecycleStatus.Passive, c.Status);
        Assert.Equal(StatusRule.LapsedWithOpenOpportunity, c.Rule);
    }

    [Theory]
    [InlineData(364, LifecycleStatus.Inactive)]
    [InlineData(365, LifecycleStatus.Inactive)]
    [InlineData(366, LifecycleStatus.Dormant)]
    public void Classify_DaysSinceLastOrderAroundDormantAfterDays(int daysAgo, LifecycleStatus expected)
    {
        var c = One(new TestBook().Account("A").Orders("A", DaysBefore(daysAgo + 30), DaysBefore(daysAgo)));
        Assert.Equal(expected, c.Status);
    }

    [Theory]
    [InlineData(179, LifecycleStatus.Inactive)]
    [InlineData(180, LifecycleStatus.Dormant)]
    [InlineData(181, LifecycleStatus.Dormant)]
    public void Classify_LastOpportunityClosedAroundDormantPipelineDays(int closedDaysAgo, LifecycleStatus expected)
    {
        var c = One(new TestBook().Account("A").Orders("A", DaysBefore(700), DaysBefore(500))
            .Opportunity("A", DaysBefore(600), DaysBefore(closedDaysAgo)));
        Assert.Equal(expected, c.Status);
    }

    [Fact]
    public void Classify_OpportunityClosedAfterAsOf_WasOpenOnThatDate()
    {
        var c = One(new TestBook().Account("A").Orders("A", DaysBefore(700), DaysBefore(500))
            .Opportunity("A", DaysBefore(600), "2026-08-01"));
        Assert.Equal(LifecycleStatus.Passive, c.Status);
    }

    [Fact]
    public void Classify_OpportunityOpenedAfterAsOf_IsIgnored()
    {
        var c = One(new TestBook().Account("A").Orders("A", DaysBefore(700), DaysBefore(500)).Opportunity("A", "2026-07-15"));
        Assert.Equal(LifecycleStatus.Dormant, c.Status);
    }

    [Fact]
    public void Classify_DataAfterAsOf_IsIgnoredSoHistoryReplaysExactly()
    {
        var past = new TestBook().Account("A").Orders("A", "2025-01-01", "2025-02-01").Engagement("A", "2025-03-01");
        var withFuture = new TestBook().Account("A").Orders("A", "2025-01-01", "2025-02-01", "2026-01-01", "2026-02-01")
            .Engagement("A", "2025-03-01").Engagement("A", "2025-12-01").Opportunity("A", "2025-11-01");

        var before = past.Classify("2025-10-01", Pinned);
        var replay = withFuture.Classify("2025-10-01", Pinned);
        Assert.Equal(before[0], replay[0]);
        Assert.Equal(before.ReasonsOf(0), replay.ReasonsOf(0));
    }

    [Fact]
    public void Classify_AccountCreatedAfterAsOf_DoesNotExistYet()
    {
        var result = new TestBook().Account("A", created: "2026-07-01").Classify(AsOf, Pinned);
        Assert.False(result[0].Exists);
        Assert.Equal(0, result.Summary.Accounts);
    }

    [Fact]
    public void Classify_RefundedOrder_IsNotAPurchaseAndAddsNoRevenue()
    {
        var c = One(new TestBook().Account("A")
            .Order("A", DaysBefore(200), 1000m)
            .Order("A", DaysBefore(30), 400m, OrderStatus.Refunded)
            .Order("A", DaysBefore(20), 999m, OrderStatus.Cancelled));
        Assert.Equal(D(DaysBefore(200)).DayNumber, c.Measures.LastOrderDay);
        Assert.Equal(1, c.Measures.OrdersInRevenueWindow);
        Assert.Equal(1000m, c.Measures.RevenueInWindow);
        Assert.Equal(LifecycleStatus.Inactive, c.Status);
    }

    [Fact]
    public void Reasons_NameTheRuleTheObservedValuesAndTheThresholds()
    {
        var result = new TestBook().Account("A").Orders("A", "2025-12-01", "2026-01-30").Engagement("A", "2026-03-02")
            .Account("Big").Order("Big", "2026-06-01", 10_000m).Classify(AsOf, Pinned);
        var reasons = result.ReasonsOf(0);
        Assert.Equal(
            "inactive: 151 days since last order (2026-01-30) > 2.0 x 30-day fixed company cycle (60 days); no counted engagement since 2026-03-02 (none within 90 days); not dormant yet: 151 <= 365 days (dormantAfterDays)",
            reasons);
    }

    [Fact]
    public void ReasonsBesideTimeline_LaterUncountedEngagement_NamesTheKindsThatDoNotCount()
    {
        var result = new TestBook().Account("A").Orders("A", "2025-12-01", "2026-01-30").Engagement("A", "2026-03-02")
            .Engagement("A", "2026-05-01", EngagementKind.EmailOpen).Engagement("A", "2026-06-01", EngagementKind.CallUnanswered)
            .Engagement("A", "2026-07-01", EngagementKind.EmailOpen) // after the as-of date: ignored
            .Account("Big").Order("Big", "2026-06-01", 10_000m).Classify(AsOf, Pinned);
        Assert.EndsWith(
            "no counted engagement since 2026-03-02 (none within 90 days); not dormant yet: 151 <= 365 days (dormantAfterDays); later email_open, call_unanswered do not count (engagementKinds)",
            result.ReasonsBesideTimeline(0));
        Assert.DoesNotContain("later", result.ReasonsOf(0)); // the saved reasons stay the rule's
    }

    [Fact]
    public void ReasonsBesideTimeline_NoLaterUncountedEngagement_SameAsReasons()
    {
        var result = new TestBook().Account("A").Orders("A", "2025-12-01", "2026-01-30")
            .Engagement("A", "2026-02-01", EngagementKind.EmailOpen).Engagement("A", "2026-03-02")
            .Account("Big").Order("Big", "2026-06-01", 10_000m).Classify(AsOf, Pinned);
        Assert.Equal(result.ReasonsOf(0), result.ReasonsBesideTimeline(0));
    }
}
