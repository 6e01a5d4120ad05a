using Rekindle.Common;
using Rekindle.Lifecycle;

namespace Rekindle.Storage;

// The workspace's rows. Money is decimal here and stored as whole ten-thousandths (see Money and
// docs/decisions/0002-money-storage.md); dates are DateOnly; timestamps are UTC DateTime.
// Text columns hold "" for an empty CSV field; null means "no such thing" (no owner, still open).

/// <summary>A sales rep (reps.csv).</summary>
public sealed class Rep
{
    public required string RepId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public decimal CommissionRate { get; set; }
    public bool Active { get; set; }
}

/// <summary>An account, keyed by its external id (accounts.csv).</summary>
public sealed class Account
{
    private string name = "";

    public required string AccountId { get; set; }

    public string Name
    {
        get => name;
        set
        {
            name = value;
            NameKey = KeyOf(value);
        }
    }

    /// <summary>
    /// The name as the account list sorts and searches it: upper-cased by invariant rules (as .NET's ordinal
    /// case-insensitive comparison does), then compared ordinally, which SQLite's BINARY and PostgreSQL's "C" collation
    /// both do. Kept with every write of <see cref="Name"/>, so a sort by name is an index, not a sort in memory.
    /// </summary>
    public string NameKey { get; private set; } = "";

    public string Industry { get; set; } = "";
    public string Region { get; set; } = "";
    public DateOnly CreatedOn { get; set; }

    /// <summary>The current owner; null when the account has none. History is in <see cref="Ownership"/>.</summary>
    public string? OwnerRepId { get; set; }

    /// <summary>The <see cref="NameKey"/> of a name, or of a text searched for in names.</summary>
    public static string KeyOf(string name) => name.ToUpperInvariant();
}

/// <summary>A person at an account, with the channels they opted out of (contacts.csv).</summary>
public sealed class Contact
{
    public required string ContactId { get; set; }
    public required string AccountId { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Social { get; set; } = "";
    public string PostalAddress { get; set; } = "";
    public bool OptOutEmail { get; set; }
    public bool OptOutPhone { get; set; }
    public bool OptOutSocial { get; set; }
    public bool OptOutPostal { get; set; }
}

/// <summary>Who owned an account over which days: <see cref="FromDate"/> inclusive, <see cref="ToDate"/> exclusive (null while current).</summary>
public sealed class Ownership
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public required string RepId { get; set; }
    public DateOnly FromDate { get; set; }
    public DateOnly? ToDate { get; set; }

    /// <summary>One of <see cref="OwnershipReasons"/>.</summary>
    public required string Reason { get; set; }
}

/// <summary>Why an ownership period started.</summary>
public static class OwnershipReasons
{
    public const string Assigned = "assigned";
    public const string ReleasedToPool = "released_to_pool";
    public const string Claimed = "claimed";
    public const string Returned = "returned";
}

/// <summary>An order (orders.csv). <see cref="ReportingAmount"/> is <see cref="Amount"/> in the workspace's reporting currency.</summary>
public sealed class Order
{
    public required string OrderId { get; set; }
    public required string AccountId { get; set; }
    public DateOnly OrderDate { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public decimal ReportingAmount { get; set; }
    public OrderStatus Status { get; set; }
}

/// <summary>One line of an order (order_lines.csv), keyed by order and line number.</summary>
public sealed class OrderLine
{
    public required string OrderId { get; set; }
    public int LineNo { get; set; }
    public string Sku { get; set; } = "";
    public string ProductName { get; set; } = "";
    public string Category { get; set; } = "";
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}

/// <summary>A touch with an account (engagements.csv).</summary>
public sealed class Engagement
{
    public required string EngagementId { get; set; }
    public required string AccountId { get; set; }
    public DateOnly Date { get; set; }
    public EngagementKind Kind { get; set; }
    public Direction Direction { get; set; }
}

/// <summary>A sales opportunity (opportunities.csv); open while <see cref="ClosedOn"/> is null.</summary>
public sealed class Opportunity
{
    public required string OpportunityId { get; set; }
    public required string AccountId { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string Stage { get; set; } = "";
    public decimal? Amount { get; set; }
}

/// <summary>One stored version of the team's policy: its content, who set it, when, why, and what changed.</summary>
public sealed class PolicyVersion
{
    /// <summary>1, 2, 3, ... in the order the versions were set.</summary>
    public int Number { get; set; }

    /// <summary>The content's id (<c>PolicyJson.VersionId</c>): 12 hex digits.</summary>
    public required string VersionId { get; set; }

    public required string Content { get; set; }
    public required string SetBy { get; set; }
    public DateTime SetAtUtc { get; set; }
    public required string Reason { get; set; }

    /// <summary>The parameters that differ from the previous version (or the defaults), one "key: old -> new" per line.</summary>
    public required string Changes { get; set; }
}

/// <summary>A saved classification of the whole book as of one date.</summary>
public sealed class ClassificationSnapshot
{
    public long Id { get; set; }
    public DateOnly AsOf { get; set; }

    /// <summary>The policy's content id; always set.</summary>
    public required string PolicyVersionId { get; set; }

    /// <summary>The stored <see cref="PolicyVersion"/> used; null when it was the built-in defaults, never stored.</summary>
    public int? PolicyNumber { get; set; }

    public DateTime SavedAtUtc { get; set; }
    public required string SavedBy { get; set; }
    public int Accounts { get; set; }
    public double CompanyCycleDays { get; set; }
}

/// <summary>One account's row of a snapshot: status, key flag, cycle and the reasons in words.</summary>
public sealed class SnapshotAccount
{
    public long SnapshotId { get; set; }
    public required string AccountId { get; set; }
    public LifecycleStatus Status { get; set; }
    public bool Key { get; set; }
    public double CycleDays { get; set; }
    public CycleBasis CycleBasis { get; set; }
    public int? DaysSinceLastOrder { get; set; }
    public decimal Revenue12m { get; set; }
    public required string Reasons { get; set; }
}

/// <summary>A change of status between the previous saved snapshot and this one (Before null: the account appeared).</summary>
public sealed class StatusChange
{
    public long Id { get; set; }
    public long SnapshotId { get; set; }
    public required string AccountId { get; set; }
    public DateOnly? FromDate { get; set; }
    public DateOnly ToDate { get; set; }
    public LifecycleStatus? Before { get; set; }
    public LifecycleStatus After { get; set; }
}

/// <summary>One line of the append-only audit log: who did what to which record, when. Never updated or deleted.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public string EntityId { get; set; } = "";
    public string Details { get; set; } = "";
}

/// <summary>A workspace-wide setting, such as its reporting currency.</summary>
public sealed class WorkspaceSetting
{
    public const string ReportingCurrency = "reporting_currency";

    public required string Key { get; set; }
    public required string Value { get; set; }
}
