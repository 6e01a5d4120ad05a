using Rekindle.Policies;
using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Pool;

/// <summary>A tiny builder for pool states in tests: reps R1..R4 active at 4%, accounts by owner, steps that must succeed.</summary>
internal static class PoolKit
{
    public static readonly Policy Policy = Policy.Default;

    public static PoolState State(params (string Account, string? Owner)[] accounts) =>
        PoolState.Of(
            [new Rep("R1", true, 0.04m), new Rep("R2", true, 0.04m), new Rep("R3", true, 0.05m), new Rep("R4", true, 0.04m), new Rep("OFF", false, 0.04m)],
            accounts.Select(a => AccountStanding.Owned(a.Account, a.Owner)));

    /// <summary>Accounts A1..An owned by <paramref name="owner"/>.</summary>
    public static PoolState Owned(int count, string owner = "R1") =>
        State([.. Enumerable.Range(1, count).Select(i => ($"A{i}", (string?)owner))]);

    public static PoolState ReleaseEarly(this PoolState s, string account, string iso, string? rep = null)
    {
        var owner = rep ?? s.Get(account).Owner!;
        var d = PoolReleases.ReleaseEarly(s, account, owner, "no longer buying from us", D(iso));
        Assert.True(d.Granted, d.Refusal?.ToString());
        return d.State;
    }

    /// <summary>Releases through the sweep: the account has been dormant since <c>poolAfterDormantDays</c> before the date.</summary>
    public static PoolState Sweep(this PoolState s, string account, string iso, Policy? policy = null)
    {
        var p = policy ?? Policy;
        var result = PoolSweep.Run(s, [new DormancyFact(account, D(iso).AddDays(-p.PoolAfterDormantDays))], p, D(iso));
        Assert.Contains(result.Released, r => r.AccountId == account);
        return result.State;
    }

    public static PoolState Claim(this PoolState s, string account, string rep, string iso, Policy? policy = null)
    {
        var d = PoolClaims.Claim(s, account, rep, policy ?? Policy, D(iso));
        Assert.True(d.Granted, d.Refusal?.ToString());
        return d.State;
    }

    public static PoolState Note(this PoolState s, string account, string author, string iso)
    {
        var d = HandoffNotes.Write(s, new HandoffNote(account, author, D(iso), "CFO decides", "annual tender", "new CEO"));
        Assert.True(d.Granted, d.Refusal?.ToString());
        return d.State;
    }

    public static Refusal? ClaimRefusal(this PoolState s, string account, string rep, string iso, Policy? policy = null) =>
        PoolClaims.Claim(s, account, rep, policy ?? Policy, D(iso)).Refusal;
}
