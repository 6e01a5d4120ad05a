using System.Globalization;
using System.Text.Json;

namespace Rekindle.Storage.Tests.Campaigns;

/// <summary>
/// Measured uplift against a simulation with a known effect, through the whole edge: campaigns planned on a generated
/// company in the workspace, then orders imported after launch for treatment and control accounts at known rates.
/// The generated company has no order after the as-of date, so every order in the window is the simulation's.
/// </summary>
public class UpliftSimulationTests(ReactivationCompany company) : IClassFixture<ReactivationCompany>
{
    private static readonly DateOnly Launch = new(2026, 11, 1);

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Results_SimulatedOrders_IntervalHoldsTheKnownEffectAndCoversZeroWithoutOne(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Assert.Equal(0, Rk.Run(workspace, "import", company.Folder).ExitCode);
        // Disjoint account sets: the known effect on passive accounts, no effect on inactive ones. Half held out for power.
        Plan(workspace, "known", "status=passive", 11);
        Plan(workspace, "zero", "status=inactive", 12);
        using (var before = Results(workspace, "known", "2027-01-15"))
        {
            Assert.Equal(0, Reactivated(before, "treatment"));
        }

        // Each group reactivates at exactly its rate (round(rate x accounts), the accounts drawn by a seeded shuffle), so the
        // true effect is known: the difference of the two rates.
        var random = new Random(20261101);
        var orders = new List<(string, string, DateOnly, decimal)>();
        var expected = new Dictionary<(string, string), int>();
        foreach (var (campaign, treatmentRate, controlRate) in new[] { ("known", 0.60, 0.10), ("zero", 0.30, 0.30) })
        {
            foreach (var group in Members(workspace, campaign).GroupBy(m => m.Group))
            {
                var accounts = group.Select(m => m.Account).ToArray();
                random.Shuffle(accounts);
                var count = (int)Math.Round((group.Key == "treatment" ? treatmentRate : controlRate) * accounts.Length, MidpointRounding.AwayFromZero);
                expected[(campaign, group.Key)] = count;
                foreach (var account in accounts.Take(count))
                {
                    orders.Add(($"SIM-{account}", account, Launch.AddDays(random.Next(0, 61)), 100m + random.Next(0, 900)));
                }
            }
        }

        // An order after the window never counts.
        var late = Members(workspace, "zero").First(m => !orders.Exists(o => o.Item2 == m.Account)).Account;
        orders.Add(("SIM-LATE", late, Launch.AddDays(61), 500m));
        var import = Rk.Run(workspace, "import", company.OrdersFolder(orders));
        Assert.True(import.ExitCode == 0, import.ToString());

        using var known = Results(workspace, "known", "2027-01-15");
        var effect = Uplift(known);
        Assert.Equal(expected[("known", "treatment")], Reactivated(known, "treatment"));
        Assert.Equal(expected[("known", "control")], Reactivated(known, "control"));
        Assert.InRange(effect.Estimate, 0.48, 0.52);
        Assert.True(effect.Lower <= 0.5 && 0.5 <= effect.Upper, $"known effect 0.5 outside [{effect.Lower}, {effect.Upper}]");
        Assert.True(effect.Lower > 0, $"the effect is not detected: [{effect.Lower}, {effect.Upper}]");

        using var zero = Results(workspace, "zero", "2027-01-15");
        var none = Uplift(zero);
        Assert.Equal(expected[("zero", "control")], Reactivated(zero, "control"));
        Assert.Equal(expected[("zero", "treatment")], Reactivated(zero, "treatment"));
        Assert.InRange(none.Estimate, -0.02, 0.02);
        Assert.True(none.Lower <= 0 && 0 <= none.Upper, $"zero effect outside [{none.Lower}, {none.Upper}]");

        // Results replay: as of mid-window only the orders known by then count.
        using var early = Results(workspace, "known", Launch.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.True(Reactivated(early, "treatment") < Reactivated(known, "treatment"));
    }

    private static void Plan(TestWorkspace workspace, string name, string segment, int seed)
    {
        var plan = Rk.Run(workspace, "campaign", "plan", "--name", name, "--as-of", ReactivationCompany.AsOf, "--segment", segment, "--holdout", "0.5", "--seed", seed.ToString(CultureInfo.InvariantCulture));
        Assert.True(plan.ExitCode == 0, plan.ToString());
    }

    private static List<(string Account, string Group)> Members(TestWorkspace workspace, string campaign)
    {
        using var db = workspace.Open();
        var id = db.Campaigns.Single(c => c.Name == campaign).Id;
        return [.. db.CampaignMemberships.Where(m => m.CampaignId == id).OrderBy(m => m.Position).Select(m => new { m.AccountId, m.Group }).AsEnumerable().Select(m => (m.AccountId, m.Group))];
    }

    private static JsonDocument Results(TestWorkspace workspace, string campaign, string asOf)
    {
        var result = Rk.Run(workspace, "campaign", "results", campaign, "--as-of", asOf, "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Out);
    }

    private static int Reactivated(JsonDocument results, string group) =>
        results.RootElement.GetProperty("overall").GetProperty(group).GetProperty("reactivated").GetInt32();

    private static (double Estimate, double Lower, double Upper) Uplift(JsonDocument results)
    {
        var u = results.RootElement.GetProperty("overall").GetProperty("reactivation_uplift");
        return (u.GetProperty("estimate").GetDouble(), u.GetProperty("lower").GetDouble(), u.GetProperty("upper").GetDouble());
    }
}
