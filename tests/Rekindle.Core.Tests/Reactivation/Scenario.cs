using System.Globalization;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Reactivation;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Reactivation;

/// <summary>
/// A tiny builder of reactivation scenarios as of <see cref="AsOf"/>: lapsed accounts by status and downtime, contacts,
/// order lines, reps. The cycle is pinned to 30 days, so an account is lapsed beyond 60 days. A "WHALE" account buying
/// every 10 days holds the key flag so the small accounts are not key unless a test makes them so.
/// </summary>
public sealed class Scenario
{
    public const string AsOf = "2026-06-30";

    public static readonly Policy Pinned = Policy.Default with { FixedCycleDays = 30 };

    // TestBook builds once, so the scenario keeps its steps and replays them into a fresh book for each build.
    private readonly List<Action<TestBook>> steps = [];
    private readonly List<Contact> contacts = [];
    private readonly List<OrderLine> lines = [];
    private readonly List<RepInfo> reps = [new("R1", "Rita Rep", "rita@example.com", true)];

    public Scenario(bool whale = true)
    {
        if (whale)
        {
            steps.Add(b => b.Account("WHALE").Every("WHALE", 10, 30, DaysBefore(1), 100_000m));
        }
    }

    public Policy Policy { get; set; } = Pinned;

    public static string DaysBefore(int days, string asOf = AsOf) =>
        D(asOf).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A lapsed account whose last order was <paramref name="daysSince"/> days ago; no engagement: inactive (or dormant beyond 365).</summary>
    public Scenario Lapsed(string id, int daysSince, decimal amount = 100m, string owner = "R1", bool withContact = true)
    {
        steps.Add(b => b.Account(id, owner: owner).Order(id, DaysBefore(daysSince), amount));
        if (withContact)
        {
            Contact(id, "Ann Smith", email: $"ann@{id.ToLowerInvariant()}.example");
        }

        return this;
    }

    /// <summary>A passive account: lapsed, with a meeting 10 days ago.</summary>
    public Scenario Passive(string id, int daysSince, decimal amount = 100m)
    {
        Lapsed(id, daysSince, amount);
        steps.Add(b => b.Engagement(id, DaysBefore(10), EngagementKind.Meeting));
        return this;
    }

    public Scenario Active(string id)
    {
        steps.Add(b => b.Account(id).Every(id, 20, 5, DaysBefore(5)));
        return this;
    }

    public Scenario Order(string id, string date, decimal amount = 100m)
    {
        steps.Add(b => b.Order(id, date, amount));
        return this;
    }

    public Scenario Engagement(string id, string date, EngagementKind kind = EngagementKind.Meeting)
    {
        steps.Add(b => b.Engagement(id, date, kind));
        return this;
    }

    public Scenario Contact(
        string accountId, string name, string? email = null, string? phone = null, string? social = null, string? postal = null,
        ChannelSet optedOut = ChannelSet.None, string? id = null)
    {
        contacts.Add(new Contact(id ?? $"C{contacts.Count + 1}", accountId, name, "buyer", email, phone, social, postal, optedOut));
        return this;
    }

    public Scenario NoContacts(string accountId)
    {
        contacts.RemoveAll(c => c.AccountId == accountId);
        return this;
    }

    public Scenario Line(string accountId, string orderId, string date, string sku, string name, string category, decimal quantity = 1m, decimal price = 10m, OrderStatus status = OrderStatus.Booked)
    {
        lines.Add(new OrderLine(accountId, orderId, D(date), status, sku, name, category, quantity, price));
        return this;
    }

    public Scenario Rep(string id, string name)
    {
        reps.Add(new RepInfo(id, name, $"{id.ToLowerInvariant()}@example.com", true));
        return this;
    }

    public AccountBook Book => Replay().Build();

    public ReactivationDirectory Directory => ReactivationDirectory.Create(contacts, lines, reps);

    public BookClassification Classify(string asOf = AsOf) => LifecycleEngine.Classify(Book, Policy, D(asOf));

    public SegmentedBook Segment(string asOf = AsOf) => Segmentation.Segment(Classify(asOf), Directory);

    public AccountSegment SegmentOf(string id, string asOf = AsOf) =>
        Segment(asOf).Find(id) ?? throw new InvalidOperationException($"{id} is not lapsed as of {asOf}");

    private TestBook Replay()
    {
        var book = new TestBook();
        steps.ForEach(step => step(book));
        return book;
    }

    public CampaignPlanResult Plan(CampaignRequest request) => CampaignPlanner.Plan(request, Segment(), Directory);
}
