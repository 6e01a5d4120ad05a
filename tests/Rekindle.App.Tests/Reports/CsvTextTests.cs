using Rekindle.App.Reports;

namespace Rekindle.App.Tests.Reports;

/// <summary>Every CSV Rekindle writes: RFC 4180 quoting and formula injection neutralised (OWASP), numbers left alone.</summary>
public class CsvTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"click\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1:A2)", "\"'@SUM(A1:A2)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void Field_TextThatAFormulaWouldRun_IsWrittenAsText(string value, string expected) =>
        Assert.Equal(expected, CsvText.Field(value));

    [Theory]
    [InlineData("-12.50")]
    [InlineData("+3")]
    [InlineData("-1E3")]
    [InlineData("0.00")]
    public void Field_Number_StaysANumber(string value) => Assert.Equal(value, CsvText.Field(value));

    [Theory]
    [InlineData("Acme", "Acme")]
    [InlineData("Acme, Inc.", "\"Acme, Inc.\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Field_OtherText_QuotedOnlyWhenNeeded(string value, string expected) => Assert.Equal(expected, CsvText.Field(value));
}
