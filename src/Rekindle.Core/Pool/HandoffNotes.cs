namespace Rekindle.Pool;

/// <summary>
/// What the previous owner hands over: the players (who decides and who influences), the policies (how the
/// account buys) and the politics, plus free text. The three P's are required; the free text is optional.
/// </summary>
public sealed record HandoffNote(
    string AccountId,
    string AuthorRepId,
    DateOnly WrittenOn,
    string Players,
    string Policies,
    string Politics,
    string? FreeText = null);

/// <summary>
/// Handoff notes. The owner may write one before letting an account go, the previous owner while it is in the
/// pool or held under the claim that followed. A newer note by the same author replaces the older one. The
/// handoff bonus needs the claim's previous owner's note, written on or before the sale; no note, no bonus.
/// </summary>
public static class HandoffNotes
{
    public static Decision<HandoffNote> Write(PoolState state, HandoffNote note)
    {
        var refusal = Check(state, note);
        if (refusal is not null)
        {
            return Decision<HandoffNote>.Refuse(state, refusal, new AuditEvent
            {
                On = note.WrittenOn,
                Actor = note.AuthorRepId,
                Action = AuditAction.ActionRefused,
                AccountId = note.AccountId,
                RepId = note.AuthorRepId,
                Code = refusal.Code,
                What = $"handoff note on {note.AccountId} by {note.AuthorRepId} refused: {refusal.Code}",
                Why = refusal.Message,
            });
        }

        var standing = state.Get(note.AccountId).WithNote(note);
        var written = new AuditEvent
        {
            On = note.WrittenOn,
            Actor = note.AuthorRepId,
            Action = AuditAction.HandoffNoteWritten,
            AccountId = note.AccountId,
            RepId = note.AuthorRepId,
            OtherRepId = standing.Claim?.RepId,
            What = $"{note.AuthorRepId} wrote the handoff note for {note.AccountId}",
            Why = "players, policies and politics for the next owner",
        };
        return Decision<HandoffNote>.Grant(state.With(standing), note, [written], [note.AccountId]);
    }

    /// <summary>
    /// The note a rep may read: the claimer (once they hold the account) sees the note of the claim's previous
    /// owner; an author sees their own. Null otherwise: nobody reads it before claiming.
    /// </summary>
    public static HandoffNote? VisibleTo(PoolState state, string accountId, string repId)
    {
        var standing = state.Find(accountId);
        if (standing is null)
        {
            return null;
        }

        return standing.Claim is { } claim && claim.RepId == repId
            ? standing.NoteBy(claim.PreviousOwnerRepId)
            : standing.NoteBy(repId);
    }

    /// <summary>True when the claim's previous owner wrote a note on or before <paramref name="saleOn"/>.</summary>
    public static bool EarnsBonus(AccountStanding standing, Claim claim, DateOnly saleOn) =>
        standing.NoteBy(claim.PreviousOwnerRepId) is { } note && note.WrittenOn <= saleOn;

    private static Refusal? Check(PoolState state, HandoffNote note)
    {
        if (state.Find(note.AccountId) is not { } standing)
        {
            return new(RefusalRule.AccountUnknown, $"No account {note.AccountId}.");
        }

        var author = note.AuthorRepId;
        var mayWrite = standing.Owner == author
            || standing.Entry?.PreviousOwnerRepId == author
            || standing.Claim?.PreviousOwnerRepId == author;
        if (!mayWrite)
        {
            return new(
                RefusalRule.NotHandoffAuthor,
                $"{author} neither owns {note.AccountId} nor is the owner it was released from.");
        }

        var missing = new[] { ("players", note.Players), ("policies", note.Policies), ("politics", note.Politics) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => p.Item1)
            .ToList();
        return missing.Count == 0
            ? null
            : new(RefusalRule.NoteIncomplete, $"The handoff note needs {string.Join(", ", missing)}.");
    }
}
