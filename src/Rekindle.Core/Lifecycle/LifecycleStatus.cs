namespace Rekindle.Lifecycle;

/// <summary>Where an account stands as of a date. Exactly one per account; the key flag sits beside it.</summary>
public enum LifecycleStatus : byte
{
    /// <summary>No booked order ever: no buying relationship yet.</summary>
    Prospect = 0,
    /// <summary>First booked order within <c>newAccountDays</c>.</summary>
    New = 1,
    /// <summary>Buying within its cycle, and regularly.</summary>
    Active = 2,
    /// <summary>Buying within its cycle, now and then.</summary>
    Occasional = 3,
    /// <summary>Lapsed on buying but still engaged (recent engagement or an open opportunity).</summary>
    Passive = 4,
    /// <summary>Lapsed, not engaged, not yet dormant.</summary>
    Inactive = 5,
    /// <summary>Lapsed for long, out of the pipeline, not engaged.</summary>
    Dormant = 6,
}

/// <summary>Where an account's buying cycle comes from.</summary>
public enum CycleBasis : byte
{
    /// <summary>The account's own median gap between order dates.</summary>
    Own = 0,
    /// <summary>The measured company cycle (median of account medians).</summary>
    Company = 1,
    /// <summary>The company cycle pinned by the policy's <c>fixedCycleDays</c>.</summary>
    Fixed = 2,
}

public static class LifecycleStatusCodes
{
    public static readonly IReadOnlyList<LifecycleStatus> All =
    [
        LifecycleStatus.Prospect, LifecycleStatus.New, LifecycleStatus.Active, LifecycleStatus.Occasional,
        LifecycleStatus.Passive, LifecycleStatus.Inactive, LifecycleStatus.Dormant,
    ];

    public static string Code(this LifecycleStatus status) => status switch
    {
        LifecycleStatus.Prospect => "prospect",
        LifecycleStatus.New => "new",
        LifecycleStatus.Active => "active",
        LifecycleStatus.Occasional => "occasional",
        LifecycleStatus.Passive => "passive",
        LifecycleStatus.Inactive => "inactive",
        LifecycleStatus.Dormant => "dormant",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Code(this CycleBasis basis) => basis switch
    {
        CycleBasis.Own => "own",
        CycleBasis.Company => "company",
        CycleBasis.Fixed => "fixed",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
    };

    public static bool IsLapsed(this LifecycleStatus status) =>
        status is LifecycleStatus.Passive or LifecycleStatus.Inactive or LifecycleStatus.Dormant;

    public static bool TryParse(string text, out LifecycleStatus status)
    {
        foreach (var s in All)
        {
            if (string.Equals(s.Code(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }
}
