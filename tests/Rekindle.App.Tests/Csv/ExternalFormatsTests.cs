using Rekindle.App.Csv;

namespace Rekindle.App.Tests.Csv;

public class ExternalFormatsTests
{
    [Theory]
    [InlineData("lifetimes/CDNOW_master.txt", ExternalFormat.Cdnow, 69_659, 23_570)]
    [InlineData("lifetimes/CDNOW_sample.txt", ExternalFormat.Cdnow, 6_919, 2_357)]
    [InlineData("btydplus/groceryElog.csv", ExternalFormat.Elog, 10_483, 1_525)]
    [InlineData("online_retail/online_retail_invoices.csv", ExternalFormat.OnlineRetail, 18_532, 4_338)]
    public void Read_RealLogs_GiveThePublishedCounts(string file, ExternalFormat format, int orders, int customers)
    {
        var errors = new InputErrors();
        var read = ExternalFormats.Read(format, SharedData.Path(file), errors);
        Assert.False(errors.Any, string.Join("\n", errors.Describe()));
        Assert.Equal(orders, read.Count);
        Assert.Equal(customers, read.Select(o => o.AccountId).Distinct().Count());
        Assert.Equal(customers, ExternalFormats.ToBook(read).AccountCount);
    }

    [Fact]
    public void Read_BadCdnowRow_NamesFileLineColumnAndValue()
    {
        var path = System.IO.Path.GetTempFileName();
        File.WriteAllText(path, " 00001 19970101  1   11.77\n 00002 19971332  1   12.00\n 00003 19970101  1   x\n");
        var errors = new InputErrors();
        ExternalFormats.Read(ExternalFormat.Cdnow, path, errors);
        File.Delete(path);
        var lines = errors.Describe().ToList();
        Assert.Contains(lines, l => l.EndsWith(":2: column date value \"19971332\": not a valid date (expected yyyymmdd, a real calendar day)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(":3: column dollar_value value \"x\": not a number (use digits with a '.' decimal point)", StringComparison.Ordinal));
    }
}
