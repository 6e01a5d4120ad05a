using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Core.Tests.Lifecycle;

public class KeyAccountsTests
{
    private static bool[] Keys(Policy policy, params decimal[] revenue)
    {
        var book = new TestBook();
        for (var i = 0; i < revenue.Length; i++)
        {
            book.Account($"A{i}");
            if (revenue[i] > 0)
            {
                book.Order($"A{i}", "2026-05-01", revenue[i]);
            }
        }

        var result = book.Classify("2026-06-30", policy);
        return result.Accounts.Select(c => c.Key).ToArray();
    }

    [Fact]
    public void Key_FewestAccountsReachingTheShare()
    {
        // Total 1000; 500 + 300 = 800 reaches 80% exactly with two accounts.
        Assert.Equal([true, true, false, false, false], Keys(Policy.Default, 500, 300, 100, 60, 40));
    }

    [Fact]
    public void Key_OneCentShortOfTheShare_TakesOneMore()
    {
        Assert.Equal([true, true, true, false], Keys(Policy.Default, 500m, 299.99m, 100.01m, 100m));
    }

    [Fact]
    public void Key_TiesAtTheCut_AreAllKey()
    {
        // Total 1000: 400 + 300 = 700 < 800, the third account (100) reaches 800; the other 100s tie with it.
        Assert.Equal([true, true, true, true, true, false], Keys(Policy.Default, 400, 300, 100, 100, 100, 0));
    }

    [Fact]
    public void Key_CapLimitsTheCount()
    {
        Assert.Equal([true, false, false, false], Keys(Policy.Default with { KeyMaxAccounts = 1 }, 400, 300, 200, 100));
    }

    [Fact]
    public void Key_NoRevenue_NoKeyAccounts()
    {
        Assert.All(Keys(Policy.Default, 0, 0), k => Assert.False(k));
    }
}
