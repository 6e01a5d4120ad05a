using Microsoft.EntityFrameworkCore;
using Rekindle.Incentives;
using Rekindle.Pool;
using Rekindle.Storage;
using DomainRep = Rekindle.Pool.Rep;

namespace Rekindle.App.Pool;

/// <summary>
/// The pool's state for some accounts, read from the workspace, and the writes that bring the workspace to a
/// new state: tenures are Ownership rows (ToDate exclusive = the domain's inclusive To + 1), stays PoolRelease rows,
/// claims PoolClaim rows, notes PoolNote rows (append-only: the latest per author counts). Events and ledger lines
/// are only ever added. Used inside the use case's transaction; <see cref="Save"/> does not commit.
/// </summary>
internal sealed class PoolStore
{
    private readonly WorkspaceDb db;
    private readonly Dictionary<string, Loaded> loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DomainRep> reps;

    private PoolStore(WorkspaceDb db, Dictionary<string, DomainRep> reps)
    {
        this.db = db;
        this.reps = reps;
    }

    public PoolState State { get; private set; } = PoolState.Empty;

    /// <summary>Every rep and the standing of <paramref name="accountIds"/> (null: every account), tracked for <see cref="Save"/>.</summary>
    public static PoolStore Load(WorkspaceDb db, IReadOnlyCollection<string>? accountIds)
    {
        var reps = db.Reps.AsNoTracking().ToList()
            .ToDictionary(r => r.RepId, r => new DomainRep(r.RepId, r.Active, r.CommissionRate), StringComparer.Ordinal);
        var store = new PoolStore(db, reps);
        var ids = accountIds?.Distinct(StringComparer.Ordinal).ToList();
        var accounts = Filter(db.Accounts, ids).ToList();
        var owners = Filter(db.Ownerships, ids).ToList().ToLookup(o => o.AccountId, StringComparer.Ordinal);
        var releases = Filter(db.PoolReleases, ids).ToList().ToLookup(r => r.AccountId, StringComparer.Ordinal);
        var claims = Filter(db.PoolClaims, ids).ToList().ToLookup(c => c.AccountId, StringComparer.Ordinal);
        var notes = Filter(db.PoolNotes.AsNoTracking(), ids).ToList().ToLookup(n => n.AccountId, StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            store.loaded[account.AccountId] = Read(account, owners[account.AccountId], releases[account.AccountId], claims[account.AccountId], notes[account.AccountId]);
        }

        store.State = PoolState.Of(reps.Values, store.loaded.Values.Select(l => l.Standing));
        return store;
    }

    /// <summary>Writes the changed accounts and reps of <paramref name="next"/>, the events and the ledger lines; then it is the loaded state.</summary>
    public void Save(PoolState next, IEnumerable<string> changedAccounts, IEnumerable<AuditEvent> events, IEnumerable<LedgerLine> lines, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = changedAccounts.Distinct(StringComparer.Ordinal).ToList();
        var newClaims = new List<(Claim Claim, PoolRelease Release)>();
        foreach (var id in changed)
        {
            SaveAccount(loaded[id], next.Get(id), newClaims);
        }

        foreach (var rep in next.Reps.Values)
        {
            if (!reps.TryGetValue(rep.Id, out var before) || before != rep)
            {
                db.Reps.Where(r => r.RepId == rep.Id).ExecuteUpdate(s => s.SetProperty(r => r.Active, rep.Active));
                reps[rep.Id] = rep;
            }
        }

        db.PoolEvents.AddRange(events.Select(e => Row(e, now)));
        db.LedgerLines.AddRange(lines.Select(l => Row(l, now)));
        db.SaveChanges();

        // Claims refer to the stay they ended, whose id the first save gave.
        db.PoolClaims.AddRange(newClaims.Select(x => Row(x.Claim, x.Release.Id)));
        db.SaveChanges();
        foreach (var id in changed)
        {
            loaded[id] = loaded[id] with { Standing = next.Get(id) };
        }

        State = next;
    }

    /// <summary>
    /// Adds events and ledger lines now, in bulk and untracked (<see cref="BulkTable{T}"/>): a long posting writes its
    /// history batch by batch inside the use case's transaction instead of tracking millions of rows until
    /// <see cref="Save"/>. Rows keep their order (ids ascend as they are written).
    /// </summary>
    public void Append(IReadOnlyList<AuditEvent> events, IReadOnlyList<LedgerLine> lines, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Insert(events.Select(e => Row(e, now)));
        Insert(lines.Select(l => Row(l, now)));
    }

    private void Insert<TRow>(IEnumerable<TRow> rows)
        where TRow : class
    {
        using var table = new BulkTable<TRow>(db);
        foreach (var row in rows)
        {
            table.Insert(row);
        }

        table.Flush();
    }

    private void SaveAccount(Loaded before, AccountStanding after, List<(Claim, PoolRelease)> newClaims)
    {
        for (var i = 0; i < after.Tenures.Count; i++)
        {
            var t = after.Tenures[i];
            if (i < before.Owners.Count)
            {
                if (before.Standing.Tenures[i] != t)
                {
                    before.Owners[i].ToDate = t.To?.AddDays(1);
                }

                continue;
            }

            var row = new Ownership
            {
                AccountId = after.AccountId,
                RepId = t.RepId,
                FromDate = t.From == DateOnly.MinValue ? before.Account.CreatedOn : t.From,
                ToDate = t.To?.AddDays(1),
                Reason = t.Kind switch
                {
                    TenureKind.Claimed => OwnershipReasons.Claimed,
                    TenureKind.Reassigned => PoolOwnershipReasons.Reassigned,
                    _ => OwnershipReasons.Assigned,
                },
            };
            db.Ownerships.Add(row);
            before.Owners.Add(row);
        }

        // One owner at a time: a period ends (exclusive) the day the next one starts, so a release and a claim on the
        // same day read "2024-10-31 to 2026-11-23" then "2026-11-23 to now" (the domain's later tenure owns that day).
        for (var i = 0; i + 1 < before.Owners.Count; i++)
        {
            var next = before.Owners[i + 1].FromDate;
            if (before.Owners[i].ToDate is not { } end || end > next)
            {
                before.Owners[i].ToDate = next < before.Owners[i].FromDate ? before.Owners[i].FromDate : next;
            }
        }

        for (var i = before.Releases.Count; i < after.Releases.Count; i++)
        {
            var r = after.Releases[i];
            var row = new PoolRelease
            {
                AccountId = r.AccountId,
                ReleasedOn = r.ReleasedOn,
                PreviousOwnerRepId = r.PreviousOwnerRepId,
                Reason = PoolCodes.Of(r.Reason),
                Actor = r.Actor,
                Why = r.Why,
            };
            db.PoolReleases.Add(row);
            before.Releases.Add(row);
        }

        for (var i = 0; i < after.Claims.Count; i++)
        {
            var c = after.Claims[i];
            if (i < before.Claims.Count)
            {
                var row = before.Claims[i];
                row.LastActivityOn = c.LastActivityOn;
                row.FirstSaleOrderId = c.FirstSaleOrderId;
                row.FirstSaleOn = c.FirstSaleOn;
                row.EndedOn = c.EndedOn;
                continue;
            }

            var stay = after.Releases.FindLastIndex(r => r == c.From);
            newClaims.Add((c, before.Releases[stay]));
        }

        foreach (var note in after.Notes.Where(n => !before.Standing.Notes.Contains(n)))
        {
            db.PoolNotes.Add(new PoolNote
            {
                AccountId = note.AccountId,
                AuthorRepId = note.AuthorRepId,
                WrittenOn = note.WrittenOn,
                Players = note.Players,
                Policies = note.Policies,
                Politics = note.Politics,
                FreeText = note.FreeText,
            });
        }

        before.Account.OwnerRepId = after.Owner;
    }

    private static Loaded Read(Account account, IEnumerable<Ownership> owners, IEnumerable<PoolRelease> releases, IEnumerable<PoolClaim> claims, IEnumerable<PoolNote> notes)
    {
        var releaseRows = releases.OrderBy(r => r.Id).ToList();
        var entries = releaseRows.ToDictionary(r => r.Id, r => new PoolEntry(
            r.AccountId, r.ReleasedOn, r.PreviousOwnerRepId, PoolCodes.TryParse(r.Reason, out ReleaseReason reason) ? reason : throw Bad(r.Reason), r.Actor, r.Why));
        var claimRows = claims.OrderBy(c => c.Sequence).ToList();
        var claimList = claimRows.Select(c => new Claim(new ClaimId(c.ClaimId), c.AccountId, c.RepId, c.ClaimedOn, entries[c.ReleaseId])
        {
            LastActivityOn = c.LastActivityOn,
            FirstSaleOrderId = c.FirstSaleOrderId,
            FirstSaleOn = c.FirstSaleOn,
            EndedOn = c.EndedOn,
        }).ToList();
        var ownerRows = owners.OrderBy(o => o.FromDate).ThenBy(o => o.Id).ToList();
        var tenures = ownerRows.Select(o =>
        {
            var kind = o.Reason switch
            {
                OwnershipReasons.Claimed => TenureKind.Claimed,
                PoolOwnershipReasons.Reassigned => TenureKind.Reassigned,
                _ => TenureKind.Assigned,
            };
            var claim = kind == TenureKind.Claimed ? claimList.FindLast(c => c.RepId == o.RepId && c.ClaimedOn == o.FromDate)?.Id : null;
            var to = o.ToDate?.AddDays(-1);
            return new Tenure(o.RepId, o.FromDate, kind, claim) { To = to is { } d && d < o.FromDate ? o.FromDate : to };
        }).ToList();
        var standing = new AccountStanding(account.AccountId)
        {
            Tenures = [.. tenures],
            Releases = [.. releaseRows.Select(r => entries[r.Id])],
            Claims = [.. claimList],
            Notes = [.. notes.GroupBy(n => n.AuthorRepId, StringComparer.Ordinal).Select(g => g.MaxBy(n => n.Id)!).OrderBy(n => n.Id)
                .Select(n => new HandoffNote(n.AccountId, n.AuthorRepId, n.WrittenOn, n.Players, n.Policies, n.Politics, n.FreeText))],
        };
        if (tenures.Count == 0 && account.OwnerRepId is { } owner && releaseRows.Count == 0)
        {
            // An owner with no ownership row yet (written outside the import): the tenure is added on first save.
            standing = AccountStanding.Owned(account.AccountId, owner);
        }

        return new Loaded(account, standing, ownerRows, releaseRows, claimRows);
    }

    private static IQueryable<T> Filter<T>(IQueryable<T> rows, List<string>? ids)
        where T : class
    {
        if (ids is null)
        {
            return rows;
        }

        return ids.Count == 1
            ? rows.Where(r => EF.Property<string>(r, nameof(Account.AccountId)) == ids[0])
            : rows.Where(r => ids.Contains(EF.Property<string>(r, nameof(Account.AccountId))));
    }

    private static PoolEvent Row(AuditEvent e, DateTime now) => new()
    {
        OccurredOn = e.On,
        RecordedAtUtc = now,
        Actor = e.Actor,
        Action = e.ActionCode,
        What = e.What,
        Why = e.Why,
        AccountId = e.AccountId,
        RepId = e.RepId,
        OtherRepId = e.OtherRepId,
        ClaimId = e.ClaimId,
        OrderId = e.OrderId,
        Amount = e.Amount,
        Code = e.Code,
    };

    private static LedgerEntry Row(LedgerLine l, DateTime now) => new()
    {
        RepId = l.RepId,
        OrderId = l.OrderId,
        AccountId = l.AccountId,
        Kind = l.KindCode,
        Reverses = l.Reverses is { } r ? LedgerMoney.Code(r) : null,
        Budget = LedgerMoney.Code(l.Budget),
        Amount = l.Amount,
        Basis = l.Basis,
        BookedOn = l.On,
        ClaimId = l.ClaimId?.Value,
        Detail = l.Detail,
        RecordedAtUtc = now,
    };

    private static PoolClaim Row(Claim c, long releaseId) => new()
    {
        ClaimId = c.Id.Value,
        AccountId = c.AccountId,
        Sequence = int.Parse(c.Id.Value[(c.Id.Value.LastIndexOf('#') + 1)..], System.Globalization.CultureInfo.InvariantCulture),
        RepId = c.RepId,
        ClaimedOn = c.ClaimedOn,
        ReleaseId = releaseId,
        LastActivityOn = c.LastActivityOn,
        FirstSaleOrderId = c.FirstSaleOrderId,
        FirstSaleOn = c.FirstSaleOn,
        EndedOn = c.EndedOn,
    };

    private static InvalidOperationException Bad(string code) => new($"The workspace holds an unknown pool code '{code}'.");

    private sealed record Loaded(Account Account, AccountStanding Standing, List<Ownership> Owners, List<PoolRelease> Releases, List<PoolClaim> Claims);

    /// <summary>Converts stored ledger rows back to the domain's lines.</summary>
    public static LedgerLine Line(LedgerEntry e) =>
        new(e.RepId, e.OrderId, e.AccountId, LedgerMoney.TryParse(e.Kind, out var k) ? k : throw Bad(e.Kind), e.Amount, e.BookedOn, e.ClaimId is { } c ? new ClaimId(c) : null)
        {
            Reverses = e.Reverses is { } r && LedgerMoney.TryParse(r, out var rk) ? rk : null,
            Basis = e.Basis,
            Detail = e.Detail,
        };

    /// <summary>Converts a stored event back to the domain's.</summary>
    public static AuditEvent Event(PoolEvent e) => new()
    {
        On = e.OccurredOn,
        Actor = e.Actor,
        Action = PoolCodes.TryParse(e.Action, out AuditAction a) ? a : throw Bad(e.Action),
        What = e.What,
        Why = e.Why,
        AccountId = e.AccountId,
        RepId = e.RepId,
        OtherRepId = e.OtherRepId,
        ClaimId = e.ClaimId,
        OrderId = e.OrderId,
        Amount = e.Amount,
        Code = e.Code,
    };
}
