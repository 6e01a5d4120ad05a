namespace Rekindle.Lifecycle;

/// <summary>Which rule decided an account's status: the "first match" of the lifecycle rules.</summary>
public enum StatusRule : byte
{
    NotYetCreated = 0,
    NoBookedOrder,
    FirstOrderRecent,
    WithinCycleRegular,
    WithinCycleOccasional,
    LapsedEngaged,
    LapsedWithOpenOpportunity,
    LapsedDormant,
    LapsedNotLongEnough,
    LapsedRecentlyInPipeline,
}

/// <summary>
/// One account's classification as of a date: its status, key flag, buying cycle and the measures behind it.
/// <see cref="Reasons"/> turns it into words a sales manager reads.
/// </summary>
public readonly record struct AccountClassification
{
    /// <summary>False when the account was created after the as-of date: it did not exist yet.</summary>
    public bool Exists { get; init; }

    public LifecycleStatus Status { get; init; }

    public StatusRule Rule { get; init; }

    public bool Key { get; init; }

    public double CycleDays { get; init; }

    public CycleBasis CycleBasis { get; init; }

    /// <summary>Days since the last order above which the account is lapsed (cycles x cycle days).</summary>
    public double LapseThresholdDays { get; init; }

    public AccountMeasures Measures { get; init; }

    /// <summary>Days since the last booked order, or null when there is none.</summary>
    public int? DaysSinceLastOrder(int asOf) =>
        Measures.HasBookedOrder ? asOf - Measures.LastOrderDay : null;
}
