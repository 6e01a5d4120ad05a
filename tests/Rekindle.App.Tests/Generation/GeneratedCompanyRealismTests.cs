using System.Globalization;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using static Rekindle.App.Tests.Generation.GeneratedCompany;

namespace Rekindle.App.Tests.Generation;

/// <summary>The generated company behaves like a real B2B account base.</summary>
public sealed class GeneratedCompanyRealismTests(GeneratedCompanyFixture fixture) : IClassFixture<GeneratedCompanyFixture>
{
    private static readonly string[] EngagedKinds = ["web_visit", "email_click", "call_answered", "meeting", "support_ticket", "event"];
    private readonly GeneratedCompany company = fixture.Company;
    private readonly DateOnly asOf = GeneratedCompanyFixture.AsOf;

    [Fact]
    public void Revenue_TopFifthOfAccounts_MakesRoughlyEightyPercent()
    {
        var revenue = company.Orders.Where(o => o[5] == "booked")
            .GroupBy(o => o[1])
            .Select(g => g.Sum(o => Money(o[3])))
            .OrderDescending()
            .ToList();

        var topShare = revenue.Take(company.Accounts.Count / 5).Sum() / revenue.Sum();

        Assert.InRange(topShare, 0.65m, 0.90m);
    }

    [Fact]
    public void Statuses_UnderTheDefaultPolicy_EveryStatusIsWellRepresented()
    {
        var builder = new AccountBookBuilder();
        foreach (var a in company.Accounts)
        {
            builder.AddAccount(new AccountInfo(a[0], a[1], a[2], a[3], Date(a[4]), a[5]));
        }

        foreach (var o in company.Orders)
        {
            Assert.True(Codes.TryParse(o[5], out OrderStatus status));
            builder.AddOrder(builder.IndexOf(o[1]), Date(o[2]), Money(o[3]), status);
        }

        foreach (var e in company.Engagements)
        {
            Assert.True(Codes.TryParse(e[3], out EngagementKind kind));
            builder.AddEngagement(builder.IndexOf(e[1]), Date(e[2]), kind);
        }

        foreach (var p in company.Opportunities)
        {
            builder.AddOpportunity(builder.IndexOf(p[1]), Date(p[2]), p[3].Length == 0 ? null : Date(p[3]));
        }

        var summary = LifecycleEngine.Classify(builder.Build(), Policy.Default, asOf).Summary;
        double Share(LifecycleStatus s) => summary.ByStatus.Single(t => t.Status == s).AccountShare;

        Assert.InRange(Share(LifecycleStatus.New), 0.01, 0.10);
        Assert.InRange(Share(LifecycleStatus.Active), 0.25, 0.55);
        Assert.InRange(Share(LifecycleStatus.Occasional), 0.04, 0.20);
        Assert.InRange(Share(LifecycleStatus.Passive), 0.05, 0.25);
        Assert.InRange(Share(LifecycleStatus.Inactive), 0.04, 0.20);
        Assert.InRange(Share(LifecycleStatus.Dormant), 0.08, 0.35);
    }

    [Fact]
    public void Lapsing_SomeLongSilentAndSomeStillBrowsing()
    {
        var lastOrder = company.Orders.Where(o => o[5] == "booked").GroupBy(o => o[1]).ToDictionary(g => g.Key, g => g.Max(o => Date(o[2])));
        var lastEngaged = company.Engagements.Where(e => EngagedKinds.Contains(e[3])).GroupBy(e => e[1]).ToDictionary(g => g.Key, g => g.Max(e => Date(e[2])));
        bool EngagedRecently(string account) => lastEngaged.TryGetValue(account, out var d) && asOf.DayNumber - d.DayNumber <= 90;

        var longSilent = lastOrder.Count(p => asOf.DayNumber - p.Value.DayNumber > 365 && !EngagedRecently(p.Key));
        var lapsedBrowsing = lastOrder.Count(p => asOf.DayNumber - p.Value.DayNumber > 180 && EngagedRecently(p.Key));

        Assert.True(longSilent > company.Accounts.Count / 20, $"{longSilent} accounts silent for a year");
        Assert.True(lapsedBrowsing > company.Accounts.Count / 50, $"{lapsedBrowsing} lapsed accounts still engaging");
    }

    [Fact]
    public void Accounts_ArriveOverTheYears()
    {
        var created = company.Accounts.Select(a => Date(a[4])).ToList();
        var windowStart = asOf.AddYears(-company.Options.Years);

        Assert.Contains(created, d => d < windowStart);
        Assert.InRange(created.Count(d => asOf.DayNumber - d.DayNumber <= 90) / (double)created.Count, 0.01, 0.10);
        Assert.InRange(created.Count(d => d >= windowStart && d < windowStart.AddYears(1)), 100, 500);
    }

    [Fact]
    public void Orders_AboutTwoPercentCancelledAndOnePercentRefunded()
    {
        double Share(string status) => company.Orders.Count(o => o[5] == status) / (double)company.Orders.Count;

        Assert.InRange(Share("cancelled"), 0.01, 0.03);
        Assert.InRange(Share("refunded"), 0.004, 0.02);
    }

    [Fact]
    public void Orders_RhythmsRangeFromWeeklyToYearly()
    {
        var gaps = company.Orders.GroupBy(o => o[1])
            .Where(g => g.Count() >= 3)
            .Select(g => g.Select(o => Date(o[2]).DayNumber).ToList())
            .Select(days => days.Zip(days.Skip(1), (a, b) => b - a).Order().ElementAt((days.Count - 1) / 2))
            .ToList();

        Assert.Contains(gaps, g => g <= 10);
        Assert.Contains(gaps, g => g >= 150);
    }

    [Fact]
    public void Orders_FourthQuarterBusierThanSummer()
    {
        var months = company.Orders.Select(o => Date(o[2]).Month).ToList();

        Assert.True(months.Count(m => m is 10 or 11 or 12) > 1.25 * months.Count(m => m is 7 or 8 or 9));
    }

    [Fact]
    public void OrderLines_AccountsBuyTheirFavouritesAgain()
    {
        var orderAccount = company.Orders.ToDictionary(o => o[0], o => o[1]);
        var topSkuShares = company.OrderLines.GroupBy(l => orderAccount[l[0]])
            .Where(g => g.Count() >= 20)
            .Select(g => g.GroupBy(l => l[2]).Max(s => s.Count()) / (double)g.Count())
            .ToList();

        Assert.Equal(8, company.OrderLines.Select(l => l[4]).Distinct().Count());
        Assert.InRange(company.OrderLines.Select(l => l[2]).Distinct().Count(), 50, 60);
        Assert.True(topSkuShares.Average() > 0.15, $"favourite SKU share {topSkuShares.Average():P0}");
    }

    [Fact]
    public void Contacts_OneToFourPerAccountWithChannelsOptOutsAndSomeUnreachableAccounts()
    {
        var byAccount = company.Contacts.GroupBy(c => c[1]).ToList();
        static bool Reachable(string[] c) =>
            new[] { ("email", c[4]), ("phone", c[5]), ("social", c[6]), ("postal", c[7]) }
                .Any(ch => ch.Item2.Length > 0 && !c[8].Split(';').Contains(ch.Item1));

        Assert.Equal(company.Accounts.Count, byAccount.Count);
        Assert.All(byAccount, g => Assert.InRange(g.Count(), 1, 4));
        Assert.All(new[] { 4, 5, 6, 7 }, column => Assert.Contains(company.Contacts, c => c[column].Length == 0));
        Assert.InRange(company.Contacts.Count(c => c[8].Length > 0) / (double)company.Contacts.Count, 0.05, 0.4);
        Assert.InRange(byAccount.Count(g => !g.Any(Reachable)) / (double)byAccount.Count, 0.01, 0.12);
    }

    [Fact]
    public void Opportunities_OpenAndClosedIncludingOpenOnesOnLapsedAccounts()
    {
        var lastOrder = company.Orders.Where(o => o[5] == "booked").GroupBy(o => o[1]).ToDictionary(g => g.Key, g => g.Max(o => Date(o[2])));
        var open = company.Opportunities.Where(p => p[3].Length == 0).ToList();

        Assert.Contains(company.Opportunities, p => p[4] == "closed_won");
        Assert.Contains(company.Opportunities, p => p[4] == "closed_lost");
        Assert.True(open.Count >= 10);
        Assert.Contains(open, p => lastOrder.TryGetValue(p[1], out var d) && asOf.DayNumber - d.DayNumber > 365);
        Assert.All(company.Opportunities.Where(p => p[3].Length > 0), p => Assert.True(Date(p[3]) >= Date(p[2])));
    }

    [Fact]
    public void Reps_CommissionRatesAndAFewDepartedRepsStillOwningAccounts()
    {
        var rates = company.Reps.Select(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)).ToList();
        var inactive = company.Reps.Where(r => r[4] == "false").Select(r => r[0]).ToHashSet();

        Assert.All(rates, r => Assert.InRange(r, 0.03m, 0.10m));
        Assert.InRange(inactive.Count, 1, company.Reps.Count / 4);
        Assert.Contains(company.Accounts, a => inactive.Contains(a[5]));
        Assert.All(company.Reps, r => Assert.Matches("^[a-z]+\\.[a-z]+[0-9]+@supplyco\\.example$", r[2]));
    }
}
