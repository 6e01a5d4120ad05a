using Rekindle.Policies;
using Rekindle.Pool;

namespace Rekindle.Incentives;

/// <summary>What booking or refunding one order did: the new pool state and ledger, the lines added, the audit events.</summary>
public sealed record OrderPosting(
    PoolState State,
    IncentiveLedger Ledger,
    IReadOnlyList<LedgerLine> Lines,
    IReadOnlyList<AuditEvent> Events,
    IReadOnlyList<string> ChangedAccounts);

/// <summary>
/// Orders through the pool and the ledger. <see cref="Book"/> credits the rep who owned the account on the order
/// date (<see cref="AccountStanding.TenureOn"/>; nobody, and no line, while it sat in the pool) with full
/// commission. When that ownership came from a claim, the order is activity on the claim, and the claim's first
/// booked order is its first sale: it closes the open claim and credits the previous owner's handoff overlay.
/// <see cref="Refund"/> reverses every credit of the order; if it was a claim's first sale, the claim is open
/// again and the next booked order is the first sale. A zero-amount order credits nothing. Book each order once, in date order: booking an order
/// the ledger already has, or refunding one already reversed, changes nothing.
/// </summary>
public static class OrderCredits
{
    public static OrderPosting Book(PoolState state, IncentiveLedger ledger, BookedOrder order, Policy policy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order.Amount);
        if (ledger.HasOrder(order.OrderId) || order.Amount == 0m)
        {
            return new OrderPosting(state, ledger, [], [], []);
        }

        var standing = state.Get(order.AccountId);
        if (standing.TenureOn(order.On) is not { } tenure)
        {
            return new OrderPosting(state, ledger, [], [], []);
        }

        var owner = state.FindRep(tenure.RepId)
            ?? throw new InvalidOperationException($"Account {order.AccountId} is owned by {tenure.RepId}, who is not a known rep.");
        var claim = tenure.ClaimId is { } id ? standing.ClaimById(id) : null;
        var lines = new List<LedgerLine> { IncentiveRules.Commission(order, owner, claim?.Id) };
        var events = new List<AuditEvent>();
        var next = state;
        IReadOnlyList<string> changed = [];
        if (claim is not null)
        {
            var first = !claim.HasSale;
            var updated = claim with { LastActivityOn = Later(claim.LastActivityOn, order.On) };
            if (first)
            {
                updated = updated with { FirstSaleOrderId = order.OrderId, FirstSaleOn = order.On };
                var terms = new HandoffTerms(
                    claim.Id, claim.PreviousOwnerRepId, claim.RepId, claim.ClaimedOn, claim.FromEarlyRelease,
                    HandoffNotes.EarnsBonus(standing, claim, order.On));
                lines.AddRange(IncentiveRules.Handoff(order, terms, policy));
            }

            next = state.With(standing.WithClaim(updated));
            changed = [order.AccountId];
            events.Add(Sale(order, claim, first));
        }

        events.AddRange(lines.Select(l => Credit(l, $"order {order.OrderId} booked on {order.On.Iso()}")));
        return new OrderPosting(next, ledger.Append(lines), lines, events, changed);
    }

    public static OrderPosting Refund(PoolState state, IncentiveLedger ledger, string orderId, DateOnly on)
    {
        var credited = ledger.LinesOf(orderId);
        var reversal = IncentiveRules.Reverse(credited, on);
        if (reversal.Count == 0)
        {
            return new OrderPosting(state, ledger, [], [], []);
        }

        var events = new List<AuditEvent>();
        var next = state;
        IReadOnlyList<string> changed = [];
        var commission = credited.FirstOrDefault(l => l.Kind == LedgerLineKind.Commission);
        if (commission?.ClaimId is { } claimId && state.Find(commission.AccountId) is { } standing && standing.ClaimById(claimId) is { } claim)
        {
            if (claim.FirstSaleOrderId == orderId)
            {
                next = state.With(standing.WithClaim(claim with { FirstSaleOrderId = null, FirstSaleOn = null }));
                changed = [standing.AccountId];
            }

            events.Add(new AuditEvent
            {
                On = on,
                Actor = AuditActors.Ledger,
                Action = AuditAction.SaleOnClaimRefunded,
                AccountId = standing.AccountId,
                RepId = claim.RepId,
                ClaimId = claim.Id.Value,
                OrderId = orderId,
                Amount = commission.Basis,
                What = $"order {orderId} on claim {claim.Id} refunded",
                Why = claim.FirstSaleOrderId == orderId ? "it was the first sale: the claim is open again" : "a later sale on the claim",
            });
        }

        events.AddRange(reversal.Select(l => Credit(l, $"order {orderId} refunded on {on.Iso()}")));
        return new OrderPosting(next, ledger.Append(reversal), reversal, events, changed);
    }

    private static DateOnly Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;

    private static AuditEvent Sale(BookedOrder order, Claim claim, bool first) => new()
    {
        On = order.On,
        Actor = AuditActors.Ledger,
        Action = AuditAction.SaleOnClaim,
        AccountId = order.AccountId,
        RepId = claim.RepId,
        OtherRepId = claim.PreviousOwnerRepId,
        ClaimId = claim.Id.Value,
        OrderId = order.OrderId,
        Amount = order.Amount,
        Code = first ? "first_sale" : "repeat_sale",
        What = $"{claim.RepId} booked order {order.OrderId} on claimed account {order.AccountId}",
        Why = first ? $"first sale {order.On.DayNumber - claim.ClaimedOn.DayNumber} days after claim {claim.Id}" : $"later sale on claim {claim.Id}",
    };

    private static AuditEvent Credit(LedgerLine line, string why) => new()
    {
        On = line.On,
        Actor = AuditActors.Ledger,
        Action = line.Kind == LedgerLineKind.Reversal ? AuditAction.CreditReversed : AuditAction.CreditBooked,
        AccountId = line.AccountId,
        RepId = line.RepId,
        ClaimId = line.ClaimId?.Value,
        OrderId = line.OrderId,
        Amount = line.Amount,
        Code = LedgerMoney.Code(line.CreditKind),
        What = $"{line.RepId} {(line.Amount < 0 ? "debited" : "credited")} {Math.Abs(line.Amount).Money()} ({LedgerMoney.Code(line.Kind)}, {LedgerMoney.Code(line.Budget)}): {line.Detail}",
        Why = why,
    };
}
