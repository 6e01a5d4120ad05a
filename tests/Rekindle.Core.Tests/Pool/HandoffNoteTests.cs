using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Pool;

/// <summary>Who may write the handoff note, what it must hold, and who may read it.</summary>
public class HandoffNoteTests
{
    private static HandoffNote Note(string account, string author, string players = "CFO decides", string policies = "tender", string politics = "new CEO") =>
        new(account, author, D("2026-01-10"), players, policies, politics, "call on Tuesdays");

    [Theory]
    [InlineData("owner before release", "A1", "R1", null)]
    [InlineData("previous owner in pool", "A2", "R1", null)]
    [InlineData("previous owner after claim", "A3", "R1", null)]
    [InlineData("claimer, as owner, for a later handoff", "A3", "R2", null)]
    [InlineData("stranger", "A2", "R3", RefusalRule.NotHandoffAuthor)]
    [InlineData("unknown account", "NOPE", "R1", RefusalRule.AccountUnknown)]
    public void Write_ByRole_OnlyOwnerOrPreviousOwner(string who, string account, string author, RefusalRule? expected)
    {
        var s = PoolKit.Owned(3).ReleaseEarly("A2", "2026-01-01").ReleaseEarly("A3", "2026-01-01").Claim("A3", "R2", "2026-01-05");
        var d = HandoffNotes.Write(s, Note(account, author));
        Assert.True(expected == d.Refusal?.Rule, who);
        Assert.Equal(expected is null ? AuditAction.HandoffNoteWritten : AuditAction.ActionRefused, Assert.Single(d.Events).Action);
    }

    [Theory]
    [InlineData("", "tender", "new CEO", "players")]
    [InlineData("CFO", " ", "", "policies, politics")]
    public void Write_MissingPs_RefusedNamingThem(string players, string policies, string politics, string missing)
    {
        var d = HandoffNotes.Write(PoolKit.Owned(1), Note("A1", "R1", players, policies, politics));
        Assert.Equal(RefusalRule.NoteIncomplete, d.Refusal?.Rule);
        Assert.Equal($"The handoff note needs {missing}.", d.Refusal!.Message);
    }

    [Fact]
    public void VisibleTo_ClaimerSeesPreviousOwnersNote_OthersDoNot()
    {
        var s = PoolKit.Owned(1).Note("A1", "R1", "2026-01-01").ReleaseEarly("A1", "2026-01-02");
        Assert.Null(HandoffNotes.VisibleTo(s, "A1", "R2"));
        s = s.Claim("A1", "R2", "2026-01-05");
        Assert.Equal("R1", HandoffNotes.VisibleTo(s, "A1", "R2")?.AuthorRepId);
        Assert.Null(HandoffNotes.VisibleTo(s, "A1", "R3"));
        Assert.Equal("R1", HandoffNotes.VisibleTo(s, "A1", "R1")?.AuthorRepId);
    }

    [Fact]
    public void Write_SameAuthorAgain_ReplacesTheirNoteKeepsOthers()
    {
        var s = PoolKit.Owned(1).Note("A1", "R1", "2026-01-01").ReleaseEarly("A1", "2026-01-02").Claim("A1", "R2", "2026-01-05")
            .Note("A1", "R2", "2026-01-06").Note("A1", "R1", "2026-01-07");
        var notes = s.Get("A1").Notes;
        Assert.Equal([("R2", D("2026-01-06")), ("R1", D("2026-01-07"))], notes.Select(n => (n.AuthorRepId, n.WrittenOn)));
    }
}
