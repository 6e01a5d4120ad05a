using System.Globalization;
using Rekindle.Policies;
using Rekindle.Pool;

namespace Rekindle.Incentives;

/// <summary>
/// What the previous owner's handoff credits depend on, for the new owner's first booked order after a claim:
/// the claim, who held the account before (null: nobody), who claimed it and when, whether the release was early,
/// and whether the previous owner's handoff note existed on the day of the sale.
/// </summary>
public sealed record HandoffTerms(
    ClaimId ClaimId,
    string? PreviousOwnerRepId,
    string NewOwnerRepId,
    DateOnly ClaimedOn,
    bool ReleasedEarly,
    bool NoteWritten);

/// <summary>
/// The incentive rules, pure. Commission: amount x the owner's rate, in full, on every booked order, whatever any
/// handoff did. Handoff bonus to the previous owner on the new owner's first sale after a claim: the fixed amount
/// when the policy sets <c>handoffBonusFixed</c>, else <c>handoffBonusRate</c> x amount; plus the accelerator,
/// <c>acceleratorRate</c> x amount, when the sale is within <c>acceleratorDays</c> of the claim (0..N days, both
/// ends included); both multiplied by <c>earlyReleaseBonusMultiplier</c> when the previous owner released early.
/// No bonus without the note, without a previous owner, or when the previous owner claimed it back themselves.
/// Zero-amount overlay lines are not written; a commission line always is.
/// </summary>
public static class IncentiveRules
{
    public static LedgerLine Commission(BookedOrder order, Rep owner, ClaimId? claim) =>
        new(owner.Id, order.OrderId, order.AccountId, LedgerLineKind.Commission, LedgerMoney.Cents(order.Amount * owner.CommissionRate), order.On, claim)
        {
            Basis = order.Amount,
            Detail = $"commission {Percent(owner.CommissionRate)} of {Money(order.Amount)}",
        };

    public static IReadOnlyList<LedgerLine> Handoff(BookedOrder order, HandoffTerms terms, Policy policy)
    {
        if (terms.PreviousOwnerRepId is not { } previous || previous == terms.NewOwnerRepId || !terms.NoteWritten)
        {
            return [];
        }

        var multiplier = terms.ReleasedEarly ? (decimal)policy.EarlyReleaseBonusMultiplier : 1m;
        var early = terms.ReleasedEarly ? $" x {multiplier.ToString(CultureInfo.InvariantCulture)} (released early)" : "";
        var lines = new List<LedgerLine>(2);
        var bonusBase = policy.HandoffBonusFixed ?? order.Amount * policy.HandoffBonusRate;
        var bonusHow = policy.HandoffBonusFixed is { } fixedBonus
            ? $"handoff bonus fixed {Money(fixedBonus)}"
            : $"handoff bonus {Percent(policy.HandoffBonusRate)} of {Money(order.Amount)}";
        Add(lines, order, terms, previous, LedgerLineKind.HandoffBonus, bonusBase * multiplier, bonusHow + early);

        var days = order.On.DayNumber - terms.ClaimedOn.DayNumber;
        if (days >= 0 && days <= policy.AcceleratorDays)
        {
            var how = $"accelerator {Percent(policy.AcceleratorRate)} of {Money(order.Amount)}, sale {days} days after the claim (acceleratorDays {policy.AcceleratorDays})";
            Add(lines, order, terms, previous, LedgerLineKind.Accelerator, order.Amount * policy.AcceleratorRate * multiplier, how + early);
        }

        return lines;
    }

    /// <summary>
    /// The lines that cancel what is left of an order's credits, dated <paramref name="on"/>: for each rep, kind and
    /// claim whose lines do not yet sum to zero, one reversal of the exact negative. Empty when already reversed.
    /// </summary>
    public static IReadOnlyList<LedgerLine> Reverse(IEnumerable<LedgerLine> linesOfOrder, DateOnly on) =>
    [
        .. linesOfOrder
            .GroupBy(l => (l.RepId, l.CreditKind, l.ClaimId, l.OrderId, l.AccountId))
            .Select(g => (g.Key, Net: g.Sum(l => l.Amount), g.First().Basis))
            .Where(x => x.Net != 0m)
            .Select(x => new LedgerLine(x.Key.RepId, x.Key.OrderId, x.Key.AccountId, LedgerLineKind.Reversal, -x.Net, on, x.Key.ClaimId)
            {
                Reverses = x.Key.CreditKind,
                Basis = x.Basis,
                Detail = $"reversal of {LedgerMoney.Code(x.Key.CreditKind)} {Money(x.Net)}: order {x.Key.OrderId} refunded",
            }),
    ];

    private static void Add(List<LedgerLine> lines, BookedOrder order, HandoffTerms terms, string rep, LedgerLineKind kind, decimal exact, string detail)
    {
        var amount = LedgerMoney.Cents(exact);
        if (amount != 0m)
        {
            lines.Add(new LedgerLine(rep, order.OrderId, order.AccountId, kind, amount, order.On, terms.ClaimId)
            {
                Basis = order.Amount,
                Detail = $"{detail}; claim {terms.ClaimId} by {terms.NewOwnerRepId}",
            });
        }
    }

    private static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
