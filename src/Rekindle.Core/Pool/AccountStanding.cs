using System.Collections.Immutable;

namespace Rekindle.Pool;

/// <summary>
/// Where one account stands towards the pool, with its history: ownership tenures, releases, claims and handoff
/// notes, each oldest first. Immutable; the decision functions return new standings. This is what the storage
/// edge persists per account (tenures are the Ownership table; releases, claims and notes their own tables).
/// </summary>
public sealed record AccountStanding
{
    public AccountStanding(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        AccountId = accountId;
    }

    public string AccountId { get; }

    public ImmutableList<Tenure> Tenures { get; init; } = [];

    public ImmutableList<PoolEntry> Releases { get; init; } = [];

    public ImmutableList<Claim> Claims { get; init; } = [];

    /// <summary>The latest note of each author.</summary>
    public ImmutableList<HandoffNote> Notes { get; init; } = [];

    /// <summary>An account owned by <paramref name="ownerRepId"/> since <paramref name="since"/> (unknown: null), with no pool history.</summary>
    public static AccountStanding Owned(string accountId, string? ownerRepId, DateOnly? since = null) =>
        string.IsNullOrWhiteSpace(ownerRepId)
            ? new AccountStanding(accountId)
            : new AccountStanding(accountId) { Tenures = [new Tenure(ownerRepId, since ?? DateOnly.MinValue, TenureKind.Assigned, null)] };

    /// <summary>The tenure in force now, or null when nobody owns the account.</summary>
    public Tenure? CurrentTenure => Tenures.Count > 0 && Tenures[^1].To is null ? Tenures[^1] : null;

    public string? Owner => CurrentTenure?.RepId;

    /// <summary>The day the current owner got the account; null when unknown or unowned.</summary>
    public DateOnly? OwnedSince => CurrentTenure is { } t && t.From != DateOnly.MinValue ? t.From : null;

    /// <summary>The current stay in the pool, or null when the account is not in the pool.</summary>
    public PoolEntry? Entry => Owner is null && Releases.Count > 0 ? Releases[^1] : null;

    public bool InPool => Entry is not null;

    /// <summary>The claim under which the current owner holds the account (open or won), or null.</summary>
    public Claim? Claim => CurrentTenure?.ClaimId is { } id ? ClaimById(id) : null;

    public Claim? ClaimById(ClaimId id)
    {
        for (var i = Claims.Count - 1; i >= 0; i--)
        {
            if (Claims[i].Id == id)
            {
                return Claims[i];
            }
        }

        return null;
    }

    /// <summary>The tenure that owned <paramref name="day"/> (the latest that covers it), or null when in the pool.</summary>
    public Tenure? TenureOn(DateOnly day)
    {
        for (var i = Tenures.Count - 1; i >= 0; i--)
        {
            if (Tenures[i].Covers(day))
            {
                return Tenures[i];
            }
        }

        return null;
    }

    /// <summary>The latest note written by <paramref name="repId"/>, or null.</summary>
    public HandoffNote? NoteBy(string? repId) => repId is null ? null : Notes.FindLast(n => n.AuthorRepId == repId);

    /// <summary>The latest release of this account from <paramref name="repId"/>, or null.</summary>
    public PoolEntry? LastReleaseFrom(string repId) => Releases.FindLast(r => r.PreviousOwnerRepId == repId);

    internal AccountStanding Release(DateOnly on, ReleaseReason reason, string actor, string? why, out PoolEntry entry)
    {
        entry = new PoolEntry(AccountId, on, Owner, reason, actor, why);
        return EndTenure(on) with { Releases = Releases.Add(entry) };
    }

    internal AccountStanding ClaimBy(string repId, DateOnly on, out Claim claim)
    {
        var from = Entry ?? throw new InvalidOperationException($"{AccountId} is not in the pool.");
        claim = new Claim(ClaimId.For(AccountId, Claims.Count + 1), AccountId, repId, on, from);
        return this with
        {
            Claims = Claims.Add(claim),
            Tenures = Tenures.Add(new Tenure(repId, on, TenureKind.Claimed, claim.Id)),
        };
    }

    internal AccountStanding ReassignTo(string repId, DateOnly on)
    {
        var ended = EndTenure(on);
        return ended with { Tenures = ended.Tenures.Add(new Tenure(repId, on, TenureKind.Reassigned, null)) };
    }

    internal AccountStanding WithClaim(Claim updated)
    {
        var i = Claims.FindLastIndex(c => c.Id == updated.Id);
        return i < 0 ? throw new InvalidOperationException($"No claim {updated.Id}.") : this with { Claims = Claims.SetItem(i, updated) };
    }

    internal AccountStanding WithNote(HandoffNote note) =>
        this with { Notes = Notes.RemoveAll(n => n.AuthorRepId == note.AuthorRepId).Add(note) };

    private AccountStanding EndTenure(DateOnly on)
    {
        if (CurrentTenure is not { } t)
        {
            return this;
        }

        var result = this with { Tenures = Tenures.SetItem(Tenures.Count - 1, t with { To = on }) };
        return Claim is { IsHeld: true } c ? result.WithClaim(c with { EndedOn = on }) : result;
    }
}
