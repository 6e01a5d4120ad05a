using Microsoft.EntityFrameworkCore;
using Rekindle.Common;
using Rekindle.Incentives;
using Rekindle.Pool;
using Rekindle.Storage;

namespace Rekindle.App.Pool;

/// <summary>
/// One row of the pool as a rep sees it before claiming: the domain's <see cref="PooledAccount"/>, the account's
/// name, industry and region, how often it was pooled, and the value at stake (<see cref="Common.ValueAtStake"/>: booked
/// revenue of the 365 days up to its last booked order). Never contact details.
/// </summary>
public sealed record PoolListRow(PooledAccount Pooled, string Name, string Industry, string Region, int TimesPooled, decimal ValueAtStake);

/// <summary>The pool's read side: the listing, a rep's statement and the fairness report. Nothing here writes.</summary>
public sealed class PoolQueries(WorkspaceDb db)
{
    public IReadOnlyList<PoolListRow> List(DateOnly asOf)
    {
        var pooled = db.Accounts.AsNoTracking()
            .Where(a => a.OwnerRepId == null && db.PoolReleases.Any(r => r.AccountId == a.AccountId))
            .Select(a => a.AccountId)
            .ToList();
        var state = PoolStore.Load(db, pooled).State;
        var rows = PoolListing.List(state, asOf);
        var accounts = db.Accounts.AsNoTracking().Where(a => pooled.Contains(a.AccountId)).ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        var orders = db.Orders.AsNoTracking()
            .Where(o => pooled.Contains(o.AccountId) && o.Status == OrderStatus.Booked && o.OrderDate <= asOf)
            .Select(o => new { o.AccountId, o.OrderDate, o.ReportingAmount })
            .ToList()
            .ToLookup(o => o.AccountId, StringComparer.Ordinal);
        return
        [
            .. rows.Select(r =>
            {
                var a = accounts[r.AccountId];
                var stake = ValueAtStake.Of(orders[r.AccountId].Select(o => (o.OrderDate, o.ReportingAmount)), asOf);
                return new PoolListRow(r, a.Name, a.Industry, a.Region, state.Get(r.AccountId).Releases.Count, stake);
            }),
        ];
    }

    /// <summary>One account's pool standing (owner, stays in the pool, claims, handoff notes), or null for an unknown account.</summary>
    public AccountStanding? Standing(string accountId) => PoolStore.Load(db, [accountId]).State.Find(accountId);

    /// <summary>The rep's ledger lines dated in <paramref name="period"/>, with totals.</summary>
    public Statement Statement(string repId, StatementPeriod period)
    {
        var first = period.First;
        var last = period.Last;
        var lines = db.LedgerLines.AsNoTracking()
            .Where(l => l.RepId == repId && l.BookedOn >= first && l.BookedOn <= last)
            .OrderBy(l => l.Id)
            .ToList()
            .Select(PoolStore.Line);
        return Incentives.Statement.For(lines, repId, period);
    }

    /// <summary>The fairness report over <c>[from, to]</c>, from the audit log alone.</summary>
    public FairnessReport Report(DateOnly from, DateOnly to)
    {
        var events = db.PoolEvents.AsNoTracking().Where(e => e.OccurredOn <= to).OrderBy(e => e.Id).ToList().Select(PoolStore.Event).ToList();
        var report = PoolFairness.Build(events, from, to);

        // Each rep's claims in the window, valued by the one definition of value at stake as of the claim.
        var claims = events.Where(e => e.Action == AuditAction.ClaimGranted && e.On >= from && e.On <= to && e.AccountId is not null && e.RepId is not null).ToList();
        var ids = claims.Select(c => c.AccountId!).Distinct(StringComparer.Ordinal).ToList();
        var orders = db.Orders.AsNoTracking()
            .Where(o => ids.Contains(o.AccountId) && o.Status == OrderStatus.Booked && o.OrderDate <= to)
            .Select(o => new { o.AccountId, o.OrderDate, o.ReportingAmount })
            .ToList()
            .ToLookup(o => o.AccountId, StringComparer.Ordinal);
        var claimed = claims.GroupBy(c => c.RepId!, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Sum(c => ValueAtStake.Of(orders[c.AccountId!].Select(o => (o.OrderDate, o.ReportingAmount)), c.On)),
            StringComparer.Ordinal);
        return report with { Reps = [.. report.Reps.Select(r => r with { ValueAtStakeClaimed = claimed.GetValueOrDefault(r.RepId) })] };
    }

    /// <summary>Every pool event, oldest first (for tests and exports).</summary>
    public IReadOnlyList<AuditEvent> Events() => [.. db.PoolEvents.AsNoTracking().OrderBy(e => e.Id).ToList().Select(PoolStore.Event)];

    /// <summary>Every handoff note on the account (the latest per author), oldest first; empty for an unknown account.</summary>
    public IReadOnlyList<HandoffNote> Notes(string accountId) =>
        Standing(accountId) is { } standing
            ? [.. standing.Notes.GroupBy(n => n.AuthorRepId, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(n => n.WrittenOn).ThenBy(n => n.AuthorRepId, StringComparer.Ordinal)]
            : [];

    /// <summary>The note <paramref name="repId"/> may read on the account (<see cref="HandoffNotes.VisibleTo"/>): the previous owner's once they hold it, or their own.</summary>
    public HandoffNote? NoteVisibleTo(string accountId, string repId) => HandoffNotes.VisibleTo(PoolStore.Load(db, [accountId]).State, accountId, repId);
}
