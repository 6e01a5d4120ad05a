using System.Text.Json;
using Rekindle.Lifecycle;

namespace Rekindle.Web.Hosting;

/// <summary>
/// Chart.js configurations as JSON for a canvas's data-chart attribute (Assets/charts.js draws them): the page
/// computes the figures on the server, the browser only draws.
/// </summary>
public static class ChartSpec
{
    private static readonly Dictionary<string, string> StatusColours = new()
    {
        ["prospect"] = "#9aa5b1",
        ["new"] = "#4c9be8",
        ["active"] = "#2e9e5b",
        ["occasional"] = "#8cc152",
        ["passive"] = "#f2b134",
        ["inactive"] = "#e8833a",
        ["dormant"] = "#c0392b",
    };

    public static string Colour(LifecycleStatus status) => StatusColours[status.Code()];

    public static string Bar(IReadOnlyList<string> labels, string series, IEnumerable<decimal> values, string? colour = null) => Serialize(new
    {
        type = "bar",
        data = new
        {
            labels,
            datasets = new[] { new { label = series, data = values.ToArray(), backgroundColor = colour is null ? (object)labels.Select(ColourOf).ToArray() : colour } },
        },
        options = new { plugins = new { legend = new { display = false } }, animation = false },
    });

    public static string Doughnut(IReadOnlyList<string> labels, IEnumerable<decimal> values) => Serialize(new
    {
        type = "doughnut",
        data = new { labels, datasets = new[] { new { data = values.ToArray(), backgroundColor = labels.Select(ColourOf).ToArray() } } },
        options = new { animation = false, aspectRatio = 2, plugins = new { legend = new { position = "right" } } },
    });

    /// <summary>One series of a multi-series chart: its legend label, values and colour.</summary>
    public sealed record Series(string Label, IReadOnlyList<decimal> Values, string Colour);

    /// <summary>Bars stacked by series over <paramref name="labels"/> (a histogram when the labels are buckets).</summary>
    public static string StackedBar(IReadOnlyList<string> labels, IEnumerable<Series> series, string? xTitle = null, string? yTitle = null) => Serialize(new
    {
        type = "bar",
        data = new { labels, datasets = series.Select(s => new { label = s.Label, data = s.Values, backgroundColor = s.Colour }).ToArray() },
        options = new
        {
            animation = false,
            scales = new { x = Axis(xTitle, stacked: true), y = Axis(yTitle, stacked: true) },
        },
    });

    /// <summary>Areas stacked by series over time (the first fills to the axis, each next to the one below it).</summary>
    public static string StackedArea(IReadOnlyList<string> labels, IEnumerable<Series> series, string? yTitle = null) => Serialize(new
    {
        type = "line",
        data = new
        {
            labels,
            datasets = series.Select((s, i) => new
            {
                label = s.Label,
                data = s.Values,
                borderColor = s.Colour,
                backgroundColor = s.Colour + "cc",
                fill = i == 0 ? "origin" : "-1",
                pointRadius = 2,
                tension = 0.2,
            }).ToArray(),
        },
        options = new
        {
            animation = false,
            interaction = new { mode = "index", intersect = false },
            scales = new { x = Axis(null, stacked: false), y = Axis(yTitle, stacked: true) },
        },
    });

    /// <summary>
    /// Lines over shared x labels; <c>percent</c> marks the y axis as a share (0..1) that charts.js shows as a
    /// percentage. A series whose colour ends in "-dashed" is drawn dashed (a reference line).
    /// </summary>
    public static string Line(IReadOnlyList<string> labels, IEnumerable<Series> series, string? xTitle = null, string? yTitle = null, bool percent = false) => Serialize(new
    {
        type = "line",
        data = new
        {
            labels,
            datasets = series.Select(s => new
            {
                label = s.Label,
                data = s.Values,
                borderColor = s.Colour.Replace("-dashed", "", StringComparison.Ordinal),
                backgroundColor = s.Colour.Replace("-dashed", "", StringComparison.Ordinal),
                borderDash = s.Colour.EndsWith("-dashed", StringComparison.Ordinal) ? new[] { 6, 4 } : [],
                pointRadius = 0,
                fill = false,
            }).ToArray(),
        },
        options = new
        {
            animation = false,
            interaction = new { mode = "index", intersect = false },
            scales = new { x = Axis(xTitle, stacked: false), y = Axis(yTitle, stacked: false, percent ? 0 : null, percent ? 1 : null) },
        },
        rekindle = new { yPercent = percent },
    });

    /// <summary>
    /// Treatment against control: grouped bars of a rate per slice, and the uplift's interval as a floating bar
    /// [lower, upper] with the estimate as a point, all in percentage points (shares 0..1 shown as percentages).
    /// </summary>
    public static string Uplift(IReadOnlyList<string> slices, IReadOnlyList<decimal> treatment, IReadOnlyList<decimal> control, IReadOnlyList<decimal[]?> interval, IReadOnlyList<decimal?> estimate) => Serialize(new
    {
        type = "bar",
        data = new
        {
            labels = slices,
            datasets = new object[]
            {
                new { label = "treatment rate", data = treatment, backgroundColor = "#c2410c", yAxisID = "y" },
                new { label = "control rate", data = control, backgroundColor = "#9aa5b1", yAxisID = "y" },
                new { label = "uplift 95% interval", data = interval, backgroundColor = "#2e9e5b66", borderColor = "#2e9e5b", borderWidth = 1, yAxisID = "y" },
                new { type = "line", label = "uplift", data = estimate, borderColor = "#166534", backgroundColor = "#166534", showLine = false, pointRadius = 5, pointStyle = "rectRot", yAxisID = "y" },
            },
        },
        options = new { animation = false, scales = new { y = Axis("rate / uplift", stacked: false) } },
        rekindle = new { yPercent = true },
    });

    /// <summary>Any Chart.js configuration, serialised as the attribute expects.</summary>
    public static string Serialize(object config) => JsonSerializer.Serialize(config);

    private static object Axis(string? title, bool stacked, double? min = null, double? max = null) => new
    {
        stacked,
        min,
        max,
        title = new { display = title is not null, text = title ?? "" },
        ticks = new { precision = 0 },
    };

    private static string ColourOf(string label) => StatusColours.TryGetValue(label, out var c) ? c : "#607d8b";
}
