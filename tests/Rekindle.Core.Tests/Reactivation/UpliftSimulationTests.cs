using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Reactivation;
using Xunit.Abstractions;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Reactivation;

/// <summary>
/// The measured uplift against simulations with a known effect: a generated company of lapsed accounts is planned by
/// the real planner (stratified seeded holdout), then orders are generated after launch: each treated account
/// reactivates within the window with probability base + effect, each control account with probability base (seeded
/// Random). Orders just before launch and just after the window are added at the same rate for everyone and must not
/// count. The known effect must fall inside the reported 95% interval, and do so in about 95% of campaigns.
/// </summary>
public class UpliftSimulationTests(ITestOutputHelper output)
{
    private static readonly DateOnly LaunchOn = D("2026-07-01");

    private static readonly Lazy<(SegmentedBook Segments, ReactivationDirectory Directory, AccountInfo[] Accounts)> Company2000 = new(() => Company(2000));
    private static readonly Lazy<(SegmentedBook Segments, ReactivationDirectory Directory, AccountInfo[] Accounts)> Company4000 = new(() => Company(4000));

    private static (SegmentedBook Segments, ReactivationDirectory Directory, AccountInfo[] Accounts) Company(int accounts)
    {
        var s = new Scenario();
        for (var i = 0; i < accounts; i++)
        {
            s.Lapsed($"A{i:00000}", 91 + (i % 270), 50m + (i % 97 * 10m));
        }

        var segments = s.Segment();
        Assert.Equal(accounts, segments.Accounts.Count);
        return (segments, s.Directory, [.. s.Book.Accounts]);
    }

    private static CampaignPlan Plan((SegmentedBook Segments, ReactivationDirectory Directory, AccountInfo[] Accounts) company, int seed)
    {
        var result = CampaignPlanner.Plan(
            new CampaignRequest { Name = "sim", Seed = seed, LaunchOn = LaunchOn }, company.Segments, company.Directory);
        Assert.Empty(result.Problems);
        return result.Plan!;
    }

    /// <summary>What happened after launch: treated accounts reactivate at base + effect, control at base.</summary>
    private static AccountBook Simulate(CampaignPlan plan, AccountInfo[] accounts, double baseRate, double effect, int seed)
    {
        var random = new Random(seed);
        var builder = new AccountBookBuilder();
        foreach (var info in accounts)
        {
            builder.AddAccount(info);
        }

        var windowEnd = LaunchOn.AddDays(plan.AttributionWindowDays);
        foreach (var m in plan.Members)
        {
            var a = builder.IndexOf(m.AccountId);
            var p = baseRate + (m.Group == CampaignGroup.Treatment ? effect : 0);
            if (random.NextDouble() < p)
            {
                builder.AddOrder(a, LaunchOn.AddDays(random.Next(0, plan.AttributionWindowDays + 1)), 100m + random.Next(0, 400), OrderStatus.Booked);
            }

            if (random.NextDouble() < 0.2)
            {
                builder.AddOrder(a, LaunchOn.AddDays(-1 - random.Next(0, 30)), 100m, OrderStatus.Booked);
            }

            if (random.NextDouble() < 0.2)
            {
                builder.AddOrder(a, windowEnd.AddDays(1 + random.Next(0, 30)), 100m, OrderStatus.Booked);
            }
        }

        return builder.Build();
    }

    private static UpliftRow Run(Lazy<(SegmentedBook Segments, ReactivationDirectory Directory, AccountInfo[] Accounts)> company, int planSeed, int outcomeSeed, double baseRate, double effect) =>
        Measure(company, Plan(company.Value, planSeed), outcomeSeed, baseRate, effect);

    private static UpliftRow Measure(Lazy<(SegmentedBook Segments, ReactivationDirectory Directory, AccountInfo[] Accounts)> company, CampaignPlan plan, int outcomeSeed, double baseRate, double effect)
    {
        var book = Simulate(plan, company.Value.Accounts, baseRate, effect, outcomeSeed);
        return CampaignMeasurement.Measure(plan, book, company.Value.Segments.Policy, D("2026-12-31")).Overall;
    }

    [Fact]
    public void Measure_KnownEffect_FallsInsideTheInterval()
    {
        var row = Run(Company4000, planSeed: 11, outcomeSeed: 2026, baseRate: 0.10, effect: 0.05);
        Assert.Equal((3600, 400), (row.Treatment.Accounts, row.Control.Accounts));
        var uplift = row.ReactivationUplift!.Value;
        Assert.True(uplift.Contains(0.05), $"0.05 outside [{uplift.Lower:F4}, {uplift.Upper:F4}]");
        Assert.True(uplift.Lower > 0, $"a 5-point effect on 3,600 vs 400 accounts should be detected: [{uplift.Lower:F4}, {uplift.Upper:F4}]");
        Assert.InRange(row.Treatment.ReactivationRate, 0.13, 0.17);
    }

    [Fact]
    public void Measure_ZeroEffect_IntervalCoversZero()
    {
        var row = Run(Company4000, planSeed: 12, outcomeSeed: 7, baseRate: 0.10, effect: 0.0);
        var uplift = row.ReactivationUplift!.Value;
        Assert.True(uplift.Contains(0.0), $"0 outside [{uplift.Lower:F4}, {uplift.Upper:F4}]");
    }

    [Fact]
    public void Measure_OrdersOutsideTheWindow_NeverCount()
    {
        var row = Run(Company2000, planSeed: 1, outcomeSeed: 1, baseRate: 0.0, effect: 0.0);
        Assert.Equal(0, row.Treatment.Reactivated + row.Control.Reactivated);
        Assert.Equal(0m, row.Treatment.Revenue + row.Control.Revenue);
    }

    [Fact]
    public void Measure_Over200Campaigns_IntervalCoversTheKnownEffectAboutNinetyFivePercent()
    {
        const int Campaigns = 200;
        var covered = 0;
        var zeroCovered = 0;
        for (var run = 0; run < Campaigns; run++)
        {
            var plan = Plan(Company2000.Value, seed: run);
            covered += Measure(Company2000, plan, outcomeSeed: 10_000 + run, baseRate: 0.08, effect: 0.04).ReactivationUplift!.Value.Contains(0.04) ? 1 : 0;
            zeroCovered += Measure(Company2000, plan, outcomeSeed: 20_000 + run, baseRate: 0.08, effect: 0.0).ReactivationUplift!.Value.Contains(0.0) ? 1 : 0;
        }

        // Expected 190 of 200 (sd about 3.1); 180..199 is roughly 95% and fails a badly miscalibrated interval.
        output.WriteLine($"effect 0.04 covered in {covered} of {Campaigns}; zero effect covered in {zeroCovered} of {Campaigns}");
        Assert.InRange(covered, 180, 199);
        Assert.InRange(zeroCovered, 180, 199);
    }
}
