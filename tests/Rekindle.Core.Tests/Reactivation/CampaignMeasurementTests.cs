using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Reactivation;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Reactivation;

public class CampaignMeasurementTests
{
    private const string Launch = "2026-07-01";

    /// <summary>One treated account "A" and one control account "B", launched on 2026-07-01 with a 60-day window.</summary>
    private static CampaignPlan TwoMembers()
    {
        var plan = new Scenario().Lapsed("A", 200).Lapsed("B", 200)
            .Plan(new CampaignRequest { Name = "w", LaunchOn = D(Launch), HoldoutShare = 0m }).Plan!;
        return plan with { Members = [.. plan.Members.Select(m => m.AccountId == "B" ? m with { Group = CampaignGroup.Control } : m)] };
    }

    private static CampaignResults Measure(Action<Scenario> after, string asOf = "2026-12-31")
    {
        var s = new Scenario().Lapsed("A", 200).Lapsed("B", 200);
        after(s);
        return CampaignMeasurement.Measure(TwoMembers(), s.Book, Scenario.Pinned, D(asOf));
    }

    [Theory]
    [InlineData("2026-06-30", false)]
    [InlineData("2026-07-01", true)]
    [InlineData("2026-08-30", true)]
    [InlineData("2026-08-31", false)]
    public void Measure_OrderAroundTheAttributionWindow_LaunchDayToLaunchPlus60Inclusive(string orderOn, bool reactivated)
    {
        var results = Measure(s => s.Order("A", orderOn, 250m));
        var a = results.Members.Single(m => m.AccountId == "A");
        Assert.Equal(reactivated, a.Reactivated);
        Assert.Equal(reactivated ? 250m : 0m, a.Revenue);
        Assert.Equal(D("2026-08-30"), results.WindowEndsOn);
    }

    [Theory]
    [InlineData("2026-06-30", EngagementKind.Meeting, false)]
    [InlineData("2026-07-01", EngagementKind.EmailClick, true)]
    [InlineData("2026-08-30", EngagementKind.WebVisit, true)]
    [InlineData("2026-08-31", EngagementKind.Meeting, false)]
    [InlineData("2026-07-10", EngagementKind.EmailOpen, false)]
    [InlineData("2026-07-10", EngagementKind.CallUnanswered, false)]
    public void Measure_Response_ACountedEngagementInTheWindow(string on, EngagementKind kind, bool responded)
    {
        var results = Measure(s => s.Engagement("A", on, kind));
        Assert.Equal(responded, results.Members.Single(m => m.AccountId == "A").Responded);
    }

    [Fact]
    public void Measure_OrderWithoutEngagement_IsAResponse_RespondedNeverFewerThanReactivated()
    {
        var results = Measure(s => s.Order("A", "2026-07-05", 400m).Engagement("A", "2026-07-20", EngagementKind.Meeting));
        var a = results.Members.Single(m => m.AccountId == "A");
        Assert.True(a.Responded);
        Assert.Equal(D("2026-07-05"), a.FirstResponseOn); // the order came first
        Assert.True(results.Overall.Treatment.Responded >= results.Overall.Treatment.Reactivated);
    }

    [Fact]
    public void Measure_AsOfInsideTheWindow_LaterOrdersIgnored_WindowOpen()
    {
        var results = Measure(s => s.Order("A", "2026-07-20", 100m).Order("A", "2026-08-10", 300m), asOf: "2026-07-31");
        var a = results.Members.Single(m => m.AccountId == "A");
        Assert.Equal((1, 100m, D("2026-07-20")), (a.Orders, a.Revenue, a.FirstOrderOn));
        Assert.False(results.WindowClosed);
        Assert.True(Measure(_ => { }, asOf: "2026-08-30").WindowClosed);
    }

    [Fact]
    public void Measure_TreatmentAndControlTotals_AndUpliftRows()
    {
        var results = Measure(s => s.Order("A", "2026-07-05", 400m).Engagement("B", "2026-07-02", EngagementKind.WebVisit));
        Assert.Equal(new GroupStats(1, 1, 1, 400m), results.Overall.Treatment);
        Assert.Equal(new GroupStats(1, 1, 0, 0m), results.Overall.Control);
        Assert.Equal(1.0, results.Overall.ReactivationUplift!.Value.Estimate);
        Assert.Equal(0.0, results.Overall.ResponseUplift!.Value.Estimate);
        Assert.Equal(400m, results.Overall.IncrementalRevenue);
        Assert.Single(results.ByPlay);
        Assert.Equal("all", results.Overall.Slice);
    }

    [Fact]
    public void Measure_NoControl_UpliftIsNull()
    {
        var plan = TwoMembers();
        plan = plan with { Members = [.. plan.Members.Select(m => m with { Group = CampaignGroup.Treatment })] };
        var results = CampaignMeasurement.Measure(plan, new Scenario().Lapsed("A", 200).Lapsed("B", 200).Book, Scenario.Pinned, D("2026-12-31"));
        Assert.Null(results.Overall.ReactivationUplift);
        Assert.Null(results.Overall.IncrementalRevenue);
    }

    [Fact]
    public void Measure_CancelledOrder_DoesNotReactivate()
    {
        var s = new Scenario().Lapsed("A", 200).Lapsed("B", 200);
        var book = new AccountBookBuilder();
        foreach (var info in s.Book.Accounts)
        {
            book.AddAccount(info);
        }

        book.AddOrder(book.IndexOf("A"), D("2026-07-05"), 100m, OrderStatus.Cancelled);
        book.AddOrder(book.IndexOf("B"), D("2026-07-05"), 100m, OrderStatus.Refunded);
        var results = CampaignMeasurement.Measure(TwoMembers(), book.Build(), Policy.Default, D("2026-12-31"));
        Assert.All(results.Members, m => Assert.False(m.Reactivated));
    }
}
