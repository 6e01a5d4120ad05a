using Rekindle.Lifecycle;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary>The transition matrices of a history run, one per pair of consecutive dates.</summary>
public static class HistoryView
{
    public static void Show(CliConsole console, ClassificationHistory history)
    {
        var ansi = console.Ansi();
        var flow = new Table().Title("Accounts by status over time").AddColumn("as of");
        foreach (var s in LifecycleStatusCodes.All)
        {
            flow.AddColumn(new TableColumn(s.Code()).RightAligned());
        }

        for (var i = 0; i < history.Dates.Count; i++)
        {
            flow.AddRow([history.Dates[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), .. history.Summaries[i].ByStatus.Select(t => SummaryView.N(t.Accounts))]);
        }

        ansi.Write(flow);
        foreach (var m in history.Transitions)
        {
            var table = new Table()
                .Title($"Transitions {m.From:yyyy-MM-dd} -> {m.To:yyyy-MM-dd} ({SummaryView.N(m.Changed)} changed)")
                .AddColumn("from \\ to");
            foreach (var s in LifecycleStatusCodes.All)
            {
                table.AddColumn(new TableColumn(s.Code()).RightAligned());
            }

            foreach (var before in LifecycleStatusCodes.All)
            {
                table.AddRow([before.Code(), .. LifecycleStatusCodes.All.Select(after => Cell(m[before, after], before == after))]);
            }

            table.AddRow(["(new in book)", .. LifecycleStatusCodes.All.Select(after => Cell(m.Appeared[(int)after], false))]);
            ansi.Write(table);
        }

        ansi.WriteLine($"Policy version {history.PolicyVersion}");
    }

    private static string Cell(int count, bool diagonal) =>
        count == 0 ? "[grey]-[/]" : diagonal ? $"[grey]{SummaryView.N(count)}[/]" : $"[bold]{SummaryView.N(count)}[/]";
}
