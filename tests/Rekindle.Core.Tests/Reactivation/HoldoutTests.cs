using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Reactivation;

namespace Rekindle.Core.Tests.Reactivation;

public class HoldoutTests
{
    private static (string[] Ids, string[] Strata) Members(int count, int strata) =>
        (Enumerable.Range(0, count).Select(i => $"A{i:0000}").ToArray(), Enumerable.Range(0, count).Select(i => $"S{i % strata}").ToArray());

    [Theory]
    [InlineData(1000, 1, 0.10, 100)]
    [InlineData(1000, 7, 0.10, 100)]
    [InlineData(95, 30, 0.10, 10)]
    [InlineData(94, 30, 0.10, 9)]
    [InlineData(3, 3, 0.10, 0)]
    [InlineData(500, 4, 0.0, 0)]
    [InlineData(10, 2, 0.25, 3)]
    public void Assign_ControlSize_IsShareTimesAccountsRounded(int count, int strata, double share, int expected)
    {
        var (ids, s) = Members(count, strata);
        Assert.Equal(expected, Holdout.Assign(ids, s, (decimal)share, seed: 7).Count(c => c));
    }

    [Fact]
    public void Assign_EachStratumHoldsItsShareWithinOneAccount()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"A{i:0000}").ToArray();
        var strata = ids.Select((_, i) => i < 600 ? "big" : i < 900 ? "medium" : i < 990 ? "small" : "tiny").ToArray();
        var control = Holdout.Assign(ids, strata, 0.10m, seed: 1);
        var byStratum = strata.Zip(control).GroupBy(p => p.First).ToDictionary(g => g.Key, g => (Count: g.Count(), Control: g.Count(p => p.Second)));
        Assert.Equal(60, byStratum["big"].Control);
        Assert.Equal(30, byStratum["medium"].Control);
        Assert.Equal(9, byStratum["small"].Control);
        Assert.Equal(1, byStratum["tiny"].Control);
    }

    [Fact]
    public void Assign_SameSeed_SameGroups_OtherSeed_OtherGroups()
    {
        var (ids, s) = Members(2000, 5);
        Assert.Equal(Holdout.Assign(ids, s, 0.1m, 42), Holdout.Assign(ids, s, 0.1m, 42));
        Assert.NotEqual(Holdout.Assign(ids, s, 0.1m, 42), Holdout.Assign(ids, s, 0.1m, 43));
    }

    [Property(MaxTest = 100)]
    public Property Assign_InputOrder_DoesNotMatter(PositiveInt size, int seed, int shuffleSeed)
    {
        var (ids, s) = Members(1 + (size.Get % 300), 4);
        var control = Holdout.Assign(ids, s, 0.1m, seed);
        var order = Enumerable.Range(0, ids.Length).ToArray();
        new Random(shuffleSeed).Shuffle(order);
        var shuffled = Holdout.Assign([.. order.Select(i => ids[i])], [.. order.Select(i => s[i])], 0.1m, seed);
        var controlIds = ids.Where((_, i) => control[i]).Order(StringComparer.Ordinal);
        var shuffledIds = order.Where((_, k) => shuffled[k]).Select(i => ids[i]).Order(StringComparer.Ordinal);
        return controlIds.SequenceEqual(shuffledIds).ToProperty();
    }

    [Fact]
    public void Assign_OverManySeeds_EveryAccountEquallyLikelyInControl()
    {
        var (ids, s) = Members(50, 2);
        var times = new int[ids.Length];
        for (var seed = 0; seed < 2000; seed++)
        {
            var control = Holdout.Assign(ids, s, 0.1m, seed);
            for (var i = 0; i < ids.Length; i++)
            {
                times[i] += control[i] ? 1 : 0;
            }
        }

        // Expected 200 each (10% of 2000 draws); sd about 13.4, so 140..260 is beyond 4 sd.
        Assert.All(times, t => Assert.InRange(t, 140, 260));
    }
}
