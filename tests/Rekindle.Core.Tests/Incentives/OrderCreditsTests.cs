using Rekindle.Core.Tests.Pool;
using Rekindle.Incentives;
using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Incentives;

/// <summary>Orders through the pool and the ledger: who is credited, the first sale, refunds.</summary>
public class OrderCreditsTests
{
    // A1 owned by R1 (4%), who writes the note and releases it early on 2026-01-01; R3 (5%) claims it on 2026-01-10.
    private static PoolState Claimed(bool note = true)
    {
        var s = PoolKit.Owned(2);
        s = note ? s.Note("A1", "R1", "2025-12-31") : s;
        return s.ReleaseEarly("A1", "2026-01-01").Claim("A1", "R3", "2026-01-10");
    }

    private static OrderPosting Book(PoolState s, string id, string on, decimal amount, IncentiveLedger? ledger = null) =>
        OrderCredits.Book(s, ledger ?? IncentiveLedger.Empty, new BookedOrder(id, "A1", D(on), amount), PoolKit.Policy);

    private static IReadOnlyList<(LedgerLineKind, string, decimal)> Lines(IEnumerable<LedgerLine> lines) =>
        [.. lines.Select(l => (l.Kind, l.RepId, l.Amount))];

    [Fact]
    public void Book_FirstSaleAfterClaim_FullCommissionPlusOverlayToPreviousOwner()
    {
        var p = Book(Claimed(), "O1", "2026-02-01", 1000m);
        Assert.Equal(
            [(LedgerLineKind.Commission, "R3", 50.00m), (LedgerLineKind.HandoffBonus, "R1", 75.00m), (LedgerLineKind.Accelerator, "R1", 30.00m)],
            Lines(p.Lines));
        Assert.All(p.Lines, l => Assert.Equal(new ClaimId("A1#1"), l.ClaimId));
        var claim = p.State.Get("A1").Claim!;
        Assert.Equal(("O1", D("2026-02-01"), D("2026-02-01"), false), (claim.FirstSaleOrderId, claim.FirstSaleOn, claim.LastActivityOn, claim.IsOpen));
        Assert.Equal(["A1"], p.ChangedAccounts);
        Assert.Equal(
            [(AuditAction.SaleOnClaim, "first_sale"), (AuditAction.CreditBooked, "commission"), (AuditAction.CreditBooked, "handoff_bonus"), (AuditAction.CreditBooked, "accelerator")],
            p.Events.Select(e => (e.Action, e.Code)));
    }

    [Fact]
    public void Book_SecondSale_CommissionOnly()
    {
        var first = Book(Claimed(), "O1", "2026-02-01", 1000m);
        var second = Book(first.State, "O2", "2026-02-02", 1000m, first.Ledger);
        Assert.Equal([(LedgerLineKind.Commission, "R3", 50.00m)], Lines(second.Lines));
        Assert.Equal("repeat_sale", second.Events[0].Code);
    }

    [Fact]
    public void Book_NoNote_NoBonusCommissionStillFull()
    {
        var p = Book(Claimed(note: false), "O1", "2026-02-01", 1000m);
        Assert.Equal([(LedgerLineKind.Commission, "R3", 50.00m)], Lines(p.Lines));
    }

    [Fact]
    public void Book_NoteWrittenAfterTheSale_NoBonus()
    {
        var s = Claimed(note: false).Note("A1", "R1", "2026-02-02");
        Assert.Single(Book(s, "O1", "2026-02-01", 1000m).Lines);
    }

    [Theory]
    [InlineData("2026-04-09", 89, 3)]
    [InlineData("2026-04-10", 90, 3)]
    [InlineData("2026-04-11", 91, 2)]
    public void Book_FirstSaleAroundAcceleratorDays_AcceleratorThroughDayN(string on, int days, int lines)
    {
        Assert.Equal(days, D(on).DayNumber - D("2026-01-10").DayNumber);
        var s = PoolClaims.RecordActivity(Claimed(), "A1", D("2026-03-01")).State;
        Assert.Equal(lines, Book(s, "O1", on, 1000m).Lines.Count);
    }

    [Theory]
    [InlineData("2025-12-15", "R1")]
    [InlineData("2026-01-01", "R1")]
    [InlineData("2026-01-05", null)]
    [InlineData("2026-01-10", "R3")]
    public void Book_OrderDate_CreditsTheOwnerOnThatDay(string on, string? owner)
    {
        var p = Book(Claimed(), "O1", on, 100m);
        Assert.Equal(owner, p.Lines.SingleOrDefault(l => l.Kind == LedgerLineKind.Commission)?.RepId);
    }

    [Fact]
    public void Book_OrderOnClaimDay_IsFirstSaleWithAccelerator()
    {
        var p = Book(Claimed(), "O1", "2026-01-10", 100m);
        Assert.Equal([(LedgerLineKind.Commission, "R3", 5.00m), (LedgerLineKind.HandoffBonus, "R1", 7.50m), (LedgerLineKind.Accelerator, "R1", 3.00m)], Lines(p.Lines));
    }

    [Fact]
    public void Book_SameOrderTwice_CreditedOnce()
    {
        var first = Book(Claimed(), "O1", "2026-02-01", 1000m);
        var again = Book(first.State, "O1", "2026-02-01", 1000m, first.Ledger);
        Assert.Empty(again.Lines);
        Assert.Same(first.State, again.State);
        Assert.Same(first.Ledger, again.Ledger);
    }

    [Fact]
    public void Book_OrderOnAccountNeverPooled_CommissionOnlyNoStateChange()
    {
        var s = Claimed();
        var p = OrderCredits.Book(s, IncentiveLedger.Empty, new BookedOrder("O9", "A2", D("2026-02-01"), 200m), PoolKit.Policy);
        Assert.Equal([(LedgerLineKind.Commission, "R1", 8.00m)], Lines(p.Lines));
        Assert.Same(s, p.State);
        Assert.Equal(AuditAction.CreditBooked, Assert.Single(p.Events).Action);
    }

    [Fact]
    public void Book_NegativeAmount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Book(Claimed(), "O1", "2026-02-01", -1m));

    [Fact]
    public void Refund_FirstSale_ReversesEveryCreditAndReopensTheClaim()
    {
        var booked = Book(Claimed(), "O1", "2026-02-01", 1000m);
        var refund = OrderCredits.Refund(booked.State, booked.Ledger, "O1", D("2026-02-20"));
        Assert.Equal(
            [(LedgerLineKind.Reversal, "R3", -50.00m), (LedgerLineKind.Reversal, "R1", -75.00m), (LedgerLineKind.Reversal, "R1", -30.00m)],
            Lines(refund.Lines));
        Assert.Equal(0m, refund.Ledger.NetOf("O1"));
        Assert.True(refund.State.Get("A1").Claim!.IsOpen);
        Assert.Equal(
            [AuditAction.SaleOnClaimRefunded, AuditAction.CreditReversed, AuditAction.CreditReversed, AuditAction.CreditReversed],
            refund.Events.Select(e => e.Action));

        var next = Book(refund.State, "O2", "2026-05-01", 400m, refund.Ledger);
        Assert.Equal([(LedgerLineKind.Commission, "R3", 20.00m), (LedgerLineKind.HandoffBonus, "R1", 30.00m)], Lines(next.Lines));
    }

    [Fact]
    public void Refund_Twice_SecondDoesNothing()
    {
        var booked = Book(Claimed(), "O1", "2026-02-01", 1000m);
        var once = OrderCredits.Refund(booked.State, booked.Ledger, "O1", D("2026-02-20"));
        var twice = OrderCredits.Refund(once.State, once.Ledger, "O1", D("2026-02-21"));
        Assert.Empty(twice.Lines);
        Assert.Empty(twice.Events);
        Assert.Same(once.Ledger, twice.Ledger);
    }

    [Fact]
    public void Refund_LaterSale_ClaimStaysWon()
    {
        var first = Book(Claimed(), "O1", "2026-02-01", 1000m);
        var second = Book(first.State, "O2", "2026-02-02", 300m, first.Ledger);
        var refund = OrderCredits.Refund(second.State, second.Ledger, "O2", D("2026-02-03"));
        Assert.Equal([(LedgerLineKind.Reversal, "R3", -15.00m)], Lines(refund.Lines));
        Assert.Equal("O1", refund.State.Get("A1").Claim!.FirstSaleOrderId);
        Assert.Empty(refund.ChangedAccounts);
    }
}
