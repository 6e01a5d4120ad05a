using Rekindle.Pool;

namespace Rekindle.Incentives;

/// <summary>What a ledger line pays.</summary>
public enum LedgerLineKind : byte
{
    /// <summary>The owner's commission on a booked order: amount x their rate, always in full.</summary>
    Commission = 0,
    /// <summary>The previous owner's handoff bonus on the new owner's first sale after a claim.</summary>
    HandoffBonus = 1,
    /// <summary>The previous owner's extra when that sale comes within <c>acceleratorDays</c> of the claim.</summary>
    Accelerator = 2,
    /// <summary>A negative line cancelling the credits of a refunded order; <see cref="LedgerLine.Reverses"/> says which kind.</summary>
    Reversal = 3,
}

/// <summary>
/// Which budget pays a line. Commission comes from the sales-commission budget; the handoff bonus and the
/// accelerator are an overlay from a separate incentive budget, so they never reduce anyone's commission.
/// </summary>
public enum IncentiveBudget : byte
{
    SalesCommission = 0,
    IncentiveOverlay = 1,
}

/// <summary>A booked order as the ledger sees it: one amount in the workspace's reporting currency.</summary>
public sealed record BookedOrder(string OrderId, string AccountId, DateOnly On, decimal Amount);

/// <summary>
/// One credit (or reversal) to one rep, tied to its order and, where one applies, to the claim it relates to.
/// <see cref="Amount"/> is in the reporting currency, rounded to cents (see <see cref="LedgerMoney"/>);
/// <see cref="Basis"/> is the order amount it was computed from; <see cref="On"/> is the order date for credits
/// and the refund date for reversals; <see cref="Detail"/> says how it was computed.
/// </summary>
public sealed record LedgerLine(
    string RepId,
    string OrderId,
    string AccountId,
    LedgerLineKind Kind,
    decimal Amount,
    DateOnly On,
    ClaimId? ClaimId)
{
    /// <summary>For a <see cref="LedgerLineKind.Reversal"/>, the kind of credit it cancels; null otherwise.</summary>
    public LedgerLineKind? Reverses { get; init; }

    public decimal Basis { get; init; }

    public string Detail { get; init; } = "";

    /// <summary>The kind of credit this line is or cancels.</summary>
    public LedgerLineKind CreditKind => Reverses ?? Kind;

    public IncentiveBudget Budget =>
        CreditKind == LedgerLineKind.Commission ? IncentiveBudget.SalesCommission : IncentiveBudget.IncentiveOverlay;

    public string KindCode => LedgerMoney.Code(Kind);
}

/// <summary>
/// Money on the ledger: each line is computed exactly in <see cref="decimal"/> and then rounded to cents with
/// <see cref="MidpointRounding.AwayFromZero"/> (0.005 becomes 0.01, -0.005 becomes -0.01), line by line; totals are
/// sums of rounded lines, and a reversal is the exact negative of what it cancels, so a refund nets to 0.00.
/// </summary>
public static class LedgerMoney
{
    private static readonly string[] KindCodes = ["commission", "handoff_bonus", "accelerator", "reversal"];

    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static string Code(LedgerLineKind kind) => KindCodes[(int)kind];

    public static string Code(IncentiveBudget budget) => budget == IncentiveBudget.SalesCommission ? "sales_commission" : "incentive_overlay";

    public static bool TryParse(string? text, out LedgerLineKind kind)
    {
        var i = Array.FindIndex(KindCodes, c => string.Equals(c, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        kind = i >= 0 ? (LedgerLineKind)i : default;
        return i >= 0;
    }
}
