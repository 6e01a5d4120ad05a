namespace Rekindle.Pool;

/// <summary>Why an account entered the pool.</summary>
public enum ReleaseReason : byte
{
    /// <summary>The sweep: dormant for <c>poolAfterDormantDays</c>.</summary>
    DormantSweep = 0,
    /// <summary>The owner let it go before the sweep, giving a reason.</summary>
    EarlyRelease = 1,
    /// <summary>The owner was deactivated and a manager sent their accounts to the pool.</summary>
    RepDeactivated = 2,
    /// <summary>A claim had no activity for <c>claimExpiryDays</c> and returned to the pool.</summary>
    ClaimExpired = 3,
}

/// <summary>The business rule behind an expected refusal. Refusals are return values, never exceptions.</summary>
public enum RefusalRule : byte
{
    RepUnknown = 0,
    RepInactive,
    AccountUnknown,
    AccountNotInPool,
    AlreadyClaimed,
    ReclaimCooldown,
    DailyClaimLimit,
    OpenClaimLimit,
    NotOwner,
    ReasonRequired,
    NoteIncomplete,
    NotHandoffAuthor,
    TargetUnknown,
    TargetInactive,
    SameRep,

    /// <summary>A claim or release dated after today: it would block every later action dated today.</summary>
    DateAfterToday,
}

/// <summary>What an audit event records. Every pool decision and every ledger credit produces at least one.</summary>
public enum AuditAction : byte
{
    SweepRun = 0,
    AccountReleased,
    ClaimReturned,
    ClaimGranted,
    ClaimRefused,
    ActionRefused,
    HandoffNoteWritten,
    AccountReassigned,
    RepDeactivated,
    SaleOnClaim,
    SaleOnClaimRefunded,
    CreditBooked,
    CreditReversed,
}

/// <summary>The snake_case words for the pool's enums, as stored, printed and accepted on the command line.</summary>
public static class PoolCodes
{
    private static readonly string[] ReleaseReasonCodes = ["dormant_sweep", "early_release", "rep_deactivated", "claim_expired"];

    private static readonly string[] RefusalRuleCodes =
    [
        "rep_unknown", "rep_inactive", "account_unknown", "account_not_in_pool", "already_claimed", "reclaim_cooldown",
        "daily_claim_limit", "open_claim_limit", "not_owner", "reason_required", "note_incomplete", "not_handoff_author",
        "target_unknown", "target_inactive", "same_rep", "date_after_today",
    ];

    private static readonly string[] AuditActionCodes =
    [
        "sweep_run", "account_released", "claim_returned", "claim_granted", "claim_refused", "action_refused",
        "handoff_note_written", "account_reassigned", "rep_deactivated", "sale_on_claim", "sale_on_claim_refunded",
        "credit_booked", "credit_reversed",
    ];

    public static IReadOnlyList<string> AllRefusalRules => RefusalRuleCodes;

    public static string Of(ReleaseReason value) => ReleaseReasonCodes[(int)value];

    public static string Of(RefusalRule value) => RefusalRuleCodes[(int)value];

    public static string Of(AuditAction value) => AuditActionCodes[(int)value];

    public static bool TryParse(string? text, out ReleaseReason value) => TryParse(ReleaseReasonCodes, text, out value);

    public static bool TryParse(string? text, out RefusalRule value) => TryParse(RefusalRuleCodes, text, out value);

    public static bool TryParse(string? text, out AuditAction value) => TryParse(AuditActionCodes, text, out value);

    private static bool TryParse<T>(string[] codes, string? text, out T value)
        where T : struct, Enum
    {
        var i = Array.FindIndex(codes, c => string.Equals(c, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = i >= 0 ? (T)Enum.ToObject(typeof(T), i) : default;
        return i >= 0;
    }
}
