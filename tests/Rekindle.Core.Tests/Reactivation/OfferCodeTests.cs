using Rekindle.Reactivation;

namespace Rekindle.Core.Tests.Reactivation;

public class OfferCodeTests
{
    [Fact]
    public void For_SameCampaignSeedAccount_SameCode()
    {
        Assert.Equal(OfferCodes.For("spring", 1, "A1"), OfferCodes.For("spring", 1, "A1"));
        Assert.Matches("^RK-[0-9A-HJKMNP-TV-Z]{10}$", OfferCodes.For("spring", 1, "A1"));
    }

    [Fact]
    public void For_OtherCampaignSeedOrAccount_OtherCode()
    {
        var code = OfferCodes.For("spring", 1, "A1");
        Assert.NotEqual(code, OfferCodes.For("autumn", 1, "A1"));
        Assert.NotEqual(code, OfferCodes.For("spring", 2, "A1"));
        Assert.NotEqual(code, OfferCodes.For("spring", 1, "A2"));
    }

    [Fact]
    public void Assign_ManyAccounts_UniqueWithPrefix()
    {
        var codes = OfferCodes.Assign(Enumerable.Range(0, 20_000).Select(i => $"A{i}"), "spring", 3, "SPR");
        Assert.Equal(20_000, codes.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes.Values, c => Assert.StartsWith("SPR-", c, StringComparison.Ordinal));
    }
}
