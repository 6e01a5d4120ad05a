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
        options = new { animation = false },
    });

    /// <summary>Any Chart.js configuration, serialised as the attribute expects.</summary>
    public static string Serialize(object config) => JsonSerializer.Serialize(config);

    private static string ColourOf(string label) => StatusColours.TryGetValue(label, out var c) ? c : "#607d8b";
}
