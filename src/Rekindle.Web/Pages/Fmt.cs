using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Rekindle.Web.Pages;

/// <summary>How the dashboard writes numbers, money, shares and dates: invariant culture, thousands separated.</summary>
public static class Fmt
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string N(int value) => value.ToString("#,0", C);

    public static string N(double value, int decimals = 1) => value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), C);

    /// <summary>Whole units with the currency code after, when the workspace has one: <c>12,345 EUR</c>.</summary>
    public static string Money(decimal value, string? currency) => value.ToString("#,0", C) + (string.IsNullOrEmpty(currency) ? "" : " " + currency);

    /// <summary>Cents kept, for statements: <c>1,234.50 EUR</c>.</summary>
    public static string Cents(decimal value, string? currency) => value.ToString("#,0.00", C) + (string.IsNullOrEmpty(currency) ? "" : " " + currency);

    /// <summary>A share (0..1) as a percentage: <c>0.8123</c> is <c>81.2%</c>.</summary>
    public static string Percent(double share, int decimals = 1) => (share * 100).ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), C) + "%";

    /// <summary>A difference of rates in percentage points, signed: <c>+4.2 pp</c>.</summary>
    public static string Points(double rate) => (rate * 100).ToString("+0.0;-0.0;0.0", C) + " pp";

    /// <summary>
    /// A code such as a segment's (<c>181-300d/big/email+phone</c>), encoded, with a line-break opportunity after
    /// each <c>/</c> and <c>+</c>, so a narrow column wraps it between its parts.
    /// </summary>
    public static Microsoft.AspNetCore.Html.HtmlString Breakable(string code) =>
        new(System.Net.WebUtility.HtmlEncode(code).Replace("/", "/<wbr>", StringComparison.Ordinal).Replace("+", "+<wbr>", StringComparison.Ordinal));

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", C);

    public static string Date(DateOnly? day) => day is { } d ? Date(d) : "-";

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", C) + " UTC";
}

/// <summary>The "not allowed" page with status 403, answered by a page handler that decides from the data (not the role alone).</summary>
public static class Denied
{
    public static IActionResult Page(ViewDataDictionary viewData, string why) => new ViewResult
    {
        ViewName = "/Pages/Shared/_Denied.cshtml",
        StatusCode = 403,
        ViewData = new ViewDataDictionary(viewData) { ["Title"] = "Not allowed", ["Why"] = why },
    };
}
