using System.Globalization;
using Rekindle.Lifecycle;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary>The classification summary drawn for a person: statuses, revenue shares, company cycle, lapsing key accounts.</summary>
public static class SummaryView
{
    public static void Show(CliConsole console, BookClassification result, string currency, int keyLapsingToShow = 10)
    {
        var ansi = console.Ansi();
        var s = result.Summary;
        var table = new Table()
            .Title($"Accounts as of {result.AsOf:yyyy-MM-dd}")
            .AddColumn("status")
            .AddColumn(new TableColumn("accounts").RightAligned())
            .AddColumn(new TableColumn("share").RightAligned())
            .AddColumn(new TableColumn($"revenue 12m ({currency})").RightAligned())
            .AddColumn(new TableColumn("revenue share").RightAligned())
            .AddColumn(new TableColumn("key").RightAligned());
        foreach (var t in s.ByStatus)
        {
            table.AddRow(t.Status.Code(), N(t.Accounts), P(t.AccountShare), Money(t.Revenue), P(t.RevenueShare), N(t.KeyAccounts));
        }

        table.AddRow("[bold]total[/]", $"[bold]{N(s.Accounts)}[/]", "100.0%", $"[bold]{Money(s.Revenue)}[/]", "100.0%", N(s.KeyAccounts));
        ansi.Write(table);

        var cycle = result.CompanyCycle;
        var basis = cycle.Basis == CycleBasis.Fixed
            ? "pinned by fixedCycleDays"
            : cycle.IsFallback ? "no account had two order dates: companyCycleFallbackDays" : $"median over {N(cycle.AccountsMeasured)} accounts with 2+ order dates";
        ansi.WriteLine($"Company buying cycle: {cycle.Days.ToString("0.#", CultureInfo.InvariantCulture)} days ({basis})");
        ansi.WriteLine($"Policy version {result.PolicyVersion}");

        var lapsing = Enumerable.Range(0, result.Accounts.Count)
            .Where(a => result.Accounts[a] is { Exists: true, Key: true } c && c.Status.IsLapsed())
            .OrderByDescending(a => result.Accounts[a].Measures.RevenueInWindow)
            .ThenBy(a => result.Book.Accounts[a].Id, StringComparer.Ordinal)
            .ToList();
        ansi.WriteLine();
        if (lapsing.Count == 0)
        {
            ansi.WriteLine("No key account is lapsing.");
            return;
        }

        ansi.Write(new Rule($"Key accounts lapsing: {lapsing.Count} (largest 12-month revenue first)").LeftJustified());
        foreach (var a in lapsing.Take(keyLapsingToShow))
        {
            var info = result.Book.Accounts[a];
            var c = result.Accounts[a];
            ansi.MarkupLine($"[bold]{Markup.Escape(info.Id)} {Markup.Escape(info.Name)}[/]  owner {Markup.Escape(info.OwnerRepId)}  [yellow]{c.Status.Code()}[/]  revenue 12m {Money(c.Measures.RevenueInWindow)}");
            ansi.WriteLine("    " + result.ReasonsOf(a));
        }

        if (lapsing.Count > keyLapsingToShow)
        {
            ansi.WriteLine($"... and {lapsing.Count - keyLapsingToShow} more (see --format csv)");
        }
    }

    internal static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    internal static string P(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    internal static string Money(decimal amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);
}
