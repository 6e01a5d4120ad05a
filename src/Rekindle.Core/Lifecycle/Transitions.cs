namespace Rekindle.Lifecycle;

/// <summary>A change of status of one account between two classification dates.</summary>
public sealed record StatusTransition(string AccountId, DateOnly From, DateOnly To, LifecycleStatus? Before, LifecycleStatus After);

/// <summary>
/// Counts of accounts by (status before, status after) between two classifications of the same book.
/// Row and column 0 to 6 are the statuses; an account not yet created at the earlier date is counted in
/// <see cref="Appeared"/> by its later status.
/// </summary>
public sealed class TransitionMatrix
{
    private readonly int[,] counts;

    private TransitionMatrix(DateOnly from, DateOnly to, int[,] counts, int[] appeared)
    {
        From = from;
        To = to;
        this.counts = counts;
        Appeared = appeared;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public IReadOnlyList<int> Appeared { get; }

    public int this[LifecycleStatus before, LifecycleStatus after] => counts[(int)before, (int)after];

    public int Changed
    {
        get
        {
            var changed = 0;
            for (var i = 0; i < counts.GetLength(0); i++)
            {
                for (var j = 0; j < counts.GetLength(1); j++)
                {
                    changed += i == j ? 0 : counts[i, j];
                }
            }

            return changed;
        }
    }

    public static TransitionMatrix Between(BookClassification before, BookClassification after)
    {
        if (!ReferenceEquals(before.Book, after.Book))
        {
            throw new ArgumentException("Transitions compare two classifications of the same book.", nameof(after));
        }

        var n = LifecycleStatusCodes.All.Count;
        var counts = new int[n, n];
        var appeared = new int[n];
        for (var a = 0; a < before.Accounts.Count; a++)
        {
            var x = before.Accounts[a];
            var y = after.Accounts[a];
            if (!y.Exists)
            {
                continue;
            }

            if (x.Exists)
            {
                counts[(int)x.Status, (int)y.Status]++;
            }
            else
            {
                appeared[(int)y.Status]++;
            }
        }

        return new TransitionMatrix(before.AsOf, after.AsOf, counts, appeared);
    }

    /// <summary>Each account whose status differs between the two classifications (or that appeared).</summary>
    public static IEnumerable<StatusTransition> Changes(BookClassification before, BookClassification after)
    {
        for (var a = 0; a < before.Accounts.Count; a++)
        {
            var x = before.Accounts[a];
            var y = after.Accounts[a];
            if (!y.Exists || (x.Exists && x.Status == y.Status))
            {
                continue;
            }

            yield return new StatusTransition(
                before.Book.Accounts[a].Id, before.AsOf, after.AsOf, x.Exists ? x.Status : null, y.Status);
        }
    }
}
