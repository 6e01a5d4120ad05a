using Rekindle.App.Generation.Exports;

namespace Rekindle.App.Tests.Generation.Exports;

public sealed class SalesforceIdTests
{
    [Theory]
    [InlineData("001A0000006Vm9r", "001A0000006Vm9rIAC")]
    [InlineData("a0D30000001n7Pi", "a0D30000001n7PiEAI")]
    [InlineData("000000000000000", "000000000000000AAA")]
    [InlineData("ABCDEABCDEABCDE", "ABCDEABCDEABCDE555")]
    public void To18_KnownIds_AppendsSalesforceChecksum(string id15, string id18)
    {
        Assert.Equal(id18, SalesforceId.To18(id15));
        Assert.Equal(id15, SalesforceId.To15(id18));
    }

    [Fact]
    public void To18_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => SalesforceId.To18("001A0000006Vm9rIAC"));
    }

    [Fact]
    public void Create_ManyNumbers_EighteenCharactersUniqueIgnoringCaseWithValidChecksum()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var n = 0L; n < 20_000; n++)
        {
            var id = SalesforceId.Create("001", n);

            Assert.Equal(18, id.Length);
            Assert.StartsWith("0015g", id, StringComparison.Ordinal);
            Assert.Equal(id, SalesforceId.To18(SalesforceId.To15(id)));
            Assert.True(seen.Add(id), $"{id} repeats (ignoring case)");
        }
    }

    [Fact]
    public void Create_SameNumberTwice_SameId()
    {
        Assert.Equal(SalesforceId.Create("006", 12_345), SalesforceId.Create("006", 12_345));
        Assert.NotEqual(SalesforceId.Create("006", 12_345), SalesforceId.Create("006", 12_346));
    }
}
