using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Core.Tests.Pool;
using Rekindle.Incentives;
using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Incentives;

/// <summary>
/// For any sequence of releases, notes, claims, sweeps, deactivations, orders and refunds: the owner's commission on
/// each order is amount x their rate, never reduced by a handoff; overlay credits never go to that owner; and a
/// refund nets every credit of the order to zero, for every rep.
/// </summary>
public class LedgerPropertyTests
{
    public sealed record Step(int Kind, int Account, int Rep, decimal Amount, int Days);

    private static readonly string[] Reps = ["R1", "R2", "R3", "R4"];

    private static Gen<Step> StepGen =>
        from kind in Gen.Choose(0, 9)
        from account in Gen.Choose(1, 3)
        from rep in Gen.Choose(0, 3)
        from cents in Gen.Choose(0, 2_000_000)
        from days in Gen.Choose(0, 45)
        select new Step(kind, account, rep, cents / 100m, days);

    [Property(MaxTest = 300)]
    public Property Ledger_AnySequence_CommissionInFullAndRefundsNetToZero() =>
        Prop.ForAll(Arb.From(Gen.ListOf(StepGen)), steps => Holds(steps));

    private static bool Holds(IEnumerable<Step> steps)
    {
        var s = PoolKit.State(("A1", "R1"), ("A2", "R2"), ("A3", "R3"));
        var ledger = IncentiveLedger.Empty;
        var day = D("2026-01-01");
        var booked = new List<(BookedOrder Order, string? Owner)>();
        var refunded = new HashSet<string>(StringComparer.Ordinal);
        var heldToday = new Dictionary<string, (string Rep, DateOnly Day)>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            day = day.AddDays(step.Days);
            Observe(s, heldToday, day);
            var account = $"A{step.Account}";
            var rep = Reps[step.Rep];
            switch (step.Kind)
            {
                case 0:
                    s = PoolReleases.ReleaseEarly(s, account, s.Get(account).Owner ?? rep, "let go", day).State;
                    break;
                case 1:
                    s = PoolSweep.Run(s, [new DormancyFact(account, day.AddDays(-400))], PoolKit.Policy, day).State;
                    break;
                case 2 or 3:
                    s = PoolClaims.Claim(s, account, rep, PoolKit.Policy, day).State;
                    break;
                case 4:
                    s = HandoffNotes.Write(s, new HandoffNote(account, rep, day, "p", "p", "p")).State;
                    break;
                case 5 or 6 or 7:
                    var order = new BookedOrder($"O{booked.Count + 1}", account, day, step.Amount);
                    // the owner on the order day: the owner now, else whoever held it earlier that day (a release day is the releaser's)
                    var owner = s.Get(account).Owner ?? (heldToday.TryGetValue(account, out var h) && h.Day == day ? h.Rep : null);
                    var posted = OrderCredits.Book(s, ledger, order, PoolKit.Policy);
                    (s, ledger) = (posted.State, posted.Ledger);
                    booked.Add((order, owner));
                    break;
                case 8 when booked.Count > 0:
                    var refund = booked[step.Rep * 7919 % booked.Count].Order.OrderId;
                    var undone = OrderCredits.Refund(s, ledger, refund, day);
                    (s, ledger) = (undone.State, undone.Ledger);
                    refunded.Add(refund);
                    break;
                case 9 when step.Amount < 100m:
                    var to = Reps[(step.Rep + 1) % Reps.Length];
                    s = PoolReleases.DeactivateRep(s, rep, step.Amount < 50m ? Handover.ToPool : Handover.To(to), "M1", day).State;
                    break;
            }

            Observe(s, heldToday, day);
        }

        return booked.All(b => CommissionInFull(ledger, b.Order, b.Owner, s)) && refunded.All(o => NetsToZero(ledger, o));
    }

    private static void Observe(PoolState s, Dictionary<string, (string Rep, DateOnly Day)> heldToday, DateOnly day)
    {
        foreach (var a in s.Accounts.Values.Where(a => a.Owner is not null))
        {
            heldToday[a.AccountId] = (a.Owner!, day);
        }
    }

    private static bool CommissionInFull(IncentiveLedger ledger, BookedOrder order, string? owner, PoolState s)
    {
        var lines = ledger.LinesOf(order.OrderId).Where(l => l.Kind != LedgerLineKind.Reversal).ToList();
        if (owner is null || order.Amount == 0m)
        {
            return lines.Count == 0;
        }

        var commission = lines.Where(l => l.Kind == LedgerLineKind.Commission).ToList();
        var expected = LedgerMoney.Cents(order.Amount * s.FindRep(owner)!.CommissionRate);
        return commission.Count == 1
            && commission[0].RepId == owner
            && commission[0].Amount == expected
            && lines.Where(l => l.Budget == IncentiveBudget.IncentiveOverlay).All(l => l.RepId != owner && l.Amount > 0m);
    }

    private static bool NetsToZero(IncentiveLedger ledger, string orderId) =>
        ledger.LinesOf(orderId).GroupBy(l => l.RepId).All(g => g.Sum(l => l.Amount) == 0m);
}
