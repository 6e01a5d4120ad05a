using Rekindle.Web.Pages;

namespace Rekindle.Web.Tests;

/// <summary>How the dashboard writes codes that must wrap in a narrow column.</summary>
public sealed class FmtTests
{
    [Theory]
    [InlineData("181-300d/big/email+phone", "181-300d/<wbr>big/<wbr>email+<wbr>phone")]
    [InlineData("901d+/small/none", "901d+<wbr>/<wbr>small/<wbr>none")]
    [InlineData("<b>", "&lt;b&gt;")]
    [InlineData("", "")]
    public void Breakable_EncodesTheCode_AndMayBreakAfterEachSlashAndPlus(string code, string html) =>
        Assert.Equal(html, Fmt.Breakable(code).Value);
}
