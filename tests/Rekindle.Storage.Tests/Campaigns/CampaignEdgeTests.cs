using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.App.Reactivation;
using Microsoft.Extensions.Time.Testing;

namespace Rekindle.Storage.Tests.Campaigns;

/// <summary>
/// The reactivation edge end to end on a generated company in the workspace, on both providers: segments, campaign
/// plan (stored whole, control group without messages, unique names), export, results, and planning problems.
/// </summary>
public class CampaignEdgeTests(ReactivationCompany company) : IClassFixture<ReactivationCompany>
{
    private const string AsOf = ReactivationCompany.AsOf;

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void SegmentsPlanExportResults_GeneratedCompany_WorkEndToEndInTheWorkspace(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        Assert.Equal(0, Rk.Run(workspace, "import", company.Folder).ExitCode);

        // segments: the workspace and the CSV folder give the same segments, matrix and plays.
        var fromWorkspace = Rk.Run(workspace, "segments", "--as-of", AsOf, "--format", "json");
        var fromFiles = Rk.Run("segments", "--data", company.Folder, "--as-of", AsOf, "--format", "json");
        Assert.True(fromWorkspace.ExitCode == 0, fromWorkspace.ToString());
        Assert.Equal(fromFiles.Out, fromWorkspace.Out);
        using var segments = JsonDocument.Parse(fromWorkspace.Out);
        var accounts = segments.RootElement.GetProperty("accounts");
        var total = segments.RootElement.GetProperty("matrix").GetProperty("total");
        Assert.True(accounts.GetArrayLength() > 100);
        Assert.Equal(accounts.GetArrayLength(), total.GetProperty("accounts").GetInt32());
        Assert.Equal(
            accounts.EnumerateArray().Sum(a => a.GetProperty("revenue_at_stake").GetDecimal()),
            total.GetProperty("revenue_at_stake").GetDecimal());
        var csv = ReactivationCompany.ParseCsv(Rk.Run(workspace, "segments", "--as-of", AsOf, "--format", "csv").Out);
        Assert.Equal(SegmentsWriter.AccountColumns, csv[0]);
        Assert.Equal(accounts.GetArrayLength(), csv.Count - 1);
        Assert.All(csv.Skip(1), r => Assert.Equal($"{r[7]}/{r[8]}/{r[9]}", r[10]));
        Assert.Contains(csv.Skip(1), r => r[14] == "favourite_product_offer" && r[15].Length > 0);
        var table = Rk.Run(workspace, "segments", "--as-of", AsOf);
        Assert.Contains("revenue at stake", table.Out, StringComparison.Ordinal);

        // plan: stored whole; the control group has no message; same seed, same control group.
        var plan = Rk.Run(workspace, "campaign", "plan", "--name", "autumn", "--as-of", AsOf, "--seed", "7");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("Planned campaign autumn", plan.Out, StringComparison.Ordinal);
        Assert.Equal(0, Rk.Run(workspace, "campaign", "plan", "--name", "autumn-again", "--as-of", AsOf, "--seed", "7").ExitCode);
        var again = Rk.Run(workspace, "campaign", "plan", "--name", "autumn", "--as-of", AsOf);
        Assert.Equal(3, again.ExitCode);
        Assert.Contains("a campaign named 'autumn' already exists", again.Error, StringComparison.Ordinal);

        List<CampaignMembership> members;
        HashSet<string> control;
        StoredCampaign stored;
        using (var db = workspace.Open())
        {
            var campaign = db.Campaigns.Single(c => c.Name == "autumn");
            members = [.. db.CampaignMemberships.Where(m => m.CampaignId == campaign.Id)];
            control = members.Where(m => m.Group == "control").Select(m => m.AccountId).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(campaign.TreatmentAccounts + campaign.ControlAccounts, members.Count);
            Assert.InRange(control.Count, (int)Math.Floor(members.Count * 0.1) - 1, (int)Math.Ceiling(members.Count * 0.1) + 1);
            var messaged = db.CampaignMessages.Where(m => m.CampaignId == campaign.Id).Select(m => m.AccountId).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(campaign.TreatmentAccounts, messaged.Count);
            Assert.DoesNotContain(messaged, control.Contains);
            Assert.DoesNotContain(members, m => m.Play == "release_to_pool");
            var twin = db.Campaigns.Single(c => c.Name == "autumn-again");
            Assert.Equal(control, db.CampaignMemberships.Where(m => m.CampaignId == twin.Id && m.Group == "control").Select(m => m.AccountId).ToHashSet(StringComparer.Ordinal));
            Assert.Single(db.AuditLog, a => a.Action == "campaign_planned" && a.EntityId == "autumn");
            stored = new CampaignStore(db, new FakeTimeProvider(Rk.Today)).Load("autumn")!;
            Assert.Equal(members.Count, stored.Plan.Members.Count);
            Assert.Equal(7, stored.Plan.Seed);
            Assert.All(stored.Plan.Control, m => Assert.True(m.Subject is null && m.OfferCode is null && m.Address is null));
        }

        // export: mail columns, treatment only, never an opted-out channel; an opt-out after the plan withholds the member.
        var mail = ReactivationCompany.ParseCsv(Rk.Run(workspace, "campaign", "export", "autumn", "--format", "csv").Out);
        Assert.Equal(["email", "first_name", "last_name", "company", "subject", "body", "offer_code", "account_id"], mail[0]);
        Assert.True(mail.Count > 10);
        var firstMail = stored.Plan.Treatment.First(m => CampaignExport.ListOf(m) == CampaignExport.Mail);
        Assert.Equal(firstMail.AccountId, mail[1][7]);
        Assert.Equal(firstMail.Subject, mail[1][4]);
        Assert.DoesNotContain(mail.Skip(1), r => control.Contains(r[7]));
        Assert.All(mail.Skip(1), r => Assert.False(string.IsNullOrEmpty(r[0]) || string.IsNullOrEmpty(r[4]) || string.IsNullOrEmpty(r[5]) || r[5].Contains('{', StringComparison.Ordinal)));
        using (var db = workspace.Open())
        {
            var optedOut = db.Contacts.Where(c => c.OptOutEmail).Select(c => c.Email).Where(e => e != "").ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(mail.Skip(1), r => optedOut.Contains(r[0]));
            db.Contacts.Where(c => c.Email == mail[1][0]).ExecuteUpdate(s => s.SetProperty(c => c.OptOutEmail, true));
        }

        var afterOptOut = Rk.Run(workspace, "campaign", "export", "autumn", "--format", "csv");
        Assert.Contains($"withheld: account {mail[1][7]}", afterOptOut.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ReactivationCompany.ParseCsv(afterOptOut.Out).Skip(1), r => r[7] == mail[1][7]);
        var callsFile = company.NewFolder("export") + "/calls.csv";
        Assert.Equal(0, Rk.Run(workspace, "campaign", "export", "autumn", "--format", "csv", "--list", "calls", "--out", callsFile).ExitCode);
        var calls = ReactivationCompany.ParseCsv(File.ReadAllText(callsFile));
        Assert.Equal("rep_name", calls[0][1]);
        Assert.True(calls.Count > 1);
        Assert.All(calls.Skip(1), r => Assert.False(string.IsNullOrEmpty(r[1]) || string.IsNullOrEmpty(r[8]) || control.Contains(r[4])));
        var tasks = ReactivationCompany.ParseCsv(Rk.Run(workspace, "campaign", "export", "autumn", "--format", "csv", "--list", "tasks").Out);
        Assert.Equal(members.Count - control.Count, mail.Count - 1 + calls.Count - 1 + tasks.Count - 1);

        // results: treatment and control as planned, by play and segment; outcomes stored.
        var results = Rk.Run(workspace, "campaign", "results", "autumn", "--as-of", "2026-12-01", "--format", "json");
        Assert.True(results.ExitCode == 0, results.ToString());
        using var json = JsonDocument.Parse(results.Out);
        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal(members.Count - control.Count, overall.GetProperty("treatment").GetProperty("accounts").GetInt32());
        Assert.Equal(control.Count, overall.GetProperty("control").GetProperty("accounts").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("by_play").EnumerateArray(), p => p.GetProperty("slice").GetString() == "we_miss_you");
        Assert.True(json.RootElement.GetProperty("by_segment").GetArrayLength() > 3);
        Assert.False(json.RootElement.GetProperty("window_closed").GetBoolean());
        Assert.Contains("95% interval", Rk.Run(workspace, "campaign", "results", "autumn", "--as-of", "2026-12-01").Out, StringComparison.Ordinal);
        using (var db = workspace.Open())
        {
            Assert.Equal(members.Count, db.CampaignOutcomes.Count(o => o.CampaignId == db.Campaigns.Single(c => c.Name == "autumn").Id));
        }

        Assert.Equal(2, Rk.Run(workspace, "campaign", "results", "no-such").ExitCode);

        // A placeholder with no value (an account whose order lines are gone has no favourite product) stops the plan.
        var victim = csv.Skip(1).First(r => r[14] == "favourite_product_offer" && r[15].Length > 0)[0];
        using (var db = workspace.Open())
        {
            var orders = db.Orders.Where(o => o.AccountId == victim).Select(o => o.OrderId).ToList();
            db.OrderLines.Where(l => orders.Contains(l.OrderId)).ExecuteDelete();
        }

        var broken = Rk.Run(workspace, "campaign", "plan", "--name", "broken", "--as-of", AsOf);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains($"account {victim} (play favourite_product_offer): {{favourite_product}}", broken.Error, StringComparison.Ordinal);
        Assert.Contains("the account has no order lines", broken.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was planned", broken.Error, StringComparison.Ordinal);
        using (var db = workspace.Open())
        {
            Assert.False(db.Campaigns.Any(c => c.Name == "broken"));
        }

        var elsewhere = Rk.Run(workspace, "campaign", "plan", "--name", "inactive-only", "--as-of", AsOf, "--segment", "status=inactive");
        Assert.True(elsewhere.ExitCode == 0, elsewhere.ToString());
        Assert.Equal(2, Rk.Run(workspace, "campaign", "plan", "--name", "bad", "--segment", "tier=huge").ExitCode);
    }
}
