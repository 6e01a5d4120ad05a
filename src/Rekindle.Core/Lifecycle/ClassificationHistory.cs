using Rekindle.Policies;

namespace Rekindle.Lifecycle;

/// <summary>
/// A book classified at a series of dates: each date's summary, each account's status at each date, and the
/// transition matrix between consecutive dates. Keeps one byte per account and date, not whole results.
/// </summary>
public sealed class ClassificationHistory
{
    /// <summary>The status byte of an account that did not exist yet at a date.</summary>
    public const byte Absent = byte.MaxValue;

    private ClassificationHistory(AccountBook book, string policyVersion, DateOnly[] dates, ClassificationSummary[] summaries, byte[][] statuses, TransitionMatrix[] matrices)
    {
        Book = book;
        PolicyVersion = policyVersion;
        Dates = dates;
        Summaries = summaries;
        this.statuses = statuses;
        Transitions = matrices;
    }

    private readonly byte[][] statuses;

    public AccountBook Book { get; }
    public string PolicyVersion { get; }
    public IReadOnlyList<DateOnly> Dates { get; }
    public IReadOnlyList<ClassificationSummary> Summaries { get; }

    /// <summary>Transitions between date i and date i+1.</summary>
    public IReadOnlyList<TransitionMatrix> Transitions { get; }

    /// <summary>The status of an account at the date with index <paramref name="date"/>, or null before it existed.</summary>
    public LifecycleStatus? StatusAt(int date, int account) =>
        statuses[date][account] == Absent ? null : (LifecycleStatus)statuses[date][account];

    /// <summary>
    /// The dates of a run: <paramref name="from"/>, then every <paramref name="stepDays"/> days before
    /// <paramref name="to"/>, and always <paramref name="to"/> itself last (the last step may be shorter).
    /// </summary>
    public static IReadOnlyList<DateOnly> DatesFor(DateOnly from, DateOnly to, int stepDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var dates = new List<DateOnly>();
        for (var d = from; d < to; d = d.AddDays(stepDays))
        {
            dates.Add(d);
        }

        dates.Add(to);
        return dates;
    }

    /// <summary>Classifies at each of <see cref="DatesFor"/>: <paramref name="from"/>, every <paramref name="stepDays"/> days, and <paramref name="to"/>.</summary>
    public static ClassificationHistory Run(AccountBook book, Policy policy, DateOnly from, DateOnly to, int stepDays)
    {
        var dates = DatesFor(from, to, stepDays);

        var summaries = new ClassificationSummary[dates.Count];
        var statuses = new byte[dates.Count][];
        var matrices = new List<TransitionMatrix>();
        BookClassification? previous = null;
        for (var i = 0; i < dates.Count; i++)
        {
            var current = LifecycleEngine.Classify(book, policy, dates[i]);
            summaries[i] = current.Summary;
            statuses[i] = current.Accounts.Select(c => c.Exists ? (byte)c.Status : Absent).ToArray();
            if (previous is not null)
            {
                matrices.Add(TransitionMatrix.Between(previous, current));
            }

            previous = current;
        }

        return new ClassificationHistory(book, PolicyJson.VersionId(policy), [.. dates], summaries, statuses, [.. matrices]);
    }

    /// <summary>Every change of status between consecutive dates, account by account, in date order.</summary>
    public IEnumerable<StatusTransition> Changes()
    {
        for (var a = 0; a < Book.AccountCount; a++)
        {
            for (var i = 1; i < Dates.Count; i++)
            {
                var before = StatusAt(i - 1, a);
                var after = StatusAt(i, a);
                if (after is { } now && before != now)
                {
                    yield return new StatusTransition(Book.Accounts[a].Id, Dates[i - 1], Dates[i], before, now);
                }
            }
        }
    }
}
