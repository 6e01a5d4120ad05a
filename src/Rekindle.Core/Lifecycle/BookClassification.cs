using Rekindle.Cycles;
using Rekindle.Policies;

namespace Rekindle.Lifecycle;

/// <summary>Every account of a book classified as of one date under one policy, index-aligned with the book.</summary>
public sealed class BookClassification(
    AccountBook book, Policy policy, DateOnly asOf, CompanyCycle companyCycle, AccountClassification[] accounts)
{
    private ClassificationSummary? summary;

    public AccountBook Book { get; } = book;
    public Policy Policy { get; } = policy;
    public string PolicyVersion { get; } = PolicyJson.VersionId(policy);
    public DateOnly AsOf { get; } = asOf;
    public CompanyCycle CompanyCycle { get; } = companyCycle;
    public IReadOnlyList<AccountClassification> Accounts { get; } = accounts;

    public AccountClassification this[int account] => Accounts[account];

    public string ReasonsOf(int account) => Reasons.Explain(Accounts[account], Policy, AsOf.DayNumber);

    /// <summary>
    /// The reasons as shown beside the account's timeline: when they say no engagement counted, they also name the
    /// later kinds that do not count (<see cref="Reasons.Uncounted"/>), so a later <c>email_open</c> row does not read as a contradiction.
    /// </summary>
    public string ReasonsBesideTimeline(int account)
    {
        var text = ReasonsOf(account);
        if (!Book.HasFacts || Accounts[account].Rule is not (StatusRule.LapsedNotLongEnough or StatusRule.LapsedRecentlyInPipeline or StatusRule.LapsedDormant))
        {
            return text;
        }

        var uncounted = Reasons.Uncounted(Book.Facts(account), Policy, AsOf.DayNumber);
        return uncounted.Length == 0 ? text : text + "; " + uncounted;
    }

    public int? DaysSinceLastOrder(int account) => Accounts[account].DaysSinceLastOrder(AsOf.DayNumber);

    public ClassificationSummary Summary => summary ??= ClassificationSummary.Of(this);
}

/// <summary>Accounts and trailing revenue by status: the head of every report.</summary>
public sealed record ClassificationSummary(
    int Accounts,
    decimal Revenue,
    IReadOnlyList<StatusTotal> ByStatus,
    int KeyAccounts,
    int KeyAccountsLapsed)
{
    public static ClassificationSummary Of(BookClassification classification)
    {
        var counts = new int[LifecycleStatusCodes.All.Count];
        var revenue = new decimal[counts.Length];
        var keyCount = new int[counts.Length];
        int accounts = 0, key = 0, keyLapsed = 0;
        var total = 0m;
        foreach (var c in classification.Accounts)
        {
            if (!c.Exists)
            {
                continue;
            }

            accounts++;
            var s = (int)c.Status;
            counts[s]++;
            revenue[s] += c.Measures.RevenueInWindow;
            total += c.Measures.RevenueInWindow;
            if (c.Key)
            {
                key++;
                keyCount[s]++;
                if (c.Status.IsLapsed())
                {
                    keyLapsed++;
                }
            }
        }

        var rows = LifecycleStatusCodes.All
            .Select(s => new StatusTotal(
                s,
                counts[(int)s],
                accounts == 0 ? 0 : (double)counts[(int)s] / accounts,
                revenue[(int)s],
                total == 0 ? 0 : (double)(revenue[(int)s] / total),
                keyCount[(int)s]))
            .ToArray();
        return new ClassificationSummary(accounts, total, rows, key, keyLapsed);
    }
}

public sealed record StatusTotal(LifecycleStatus Status, int Accounts, double AccountShare, decimal Revenue, double RevenueShare, int KeyAccounts);
