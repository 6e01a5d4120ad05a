using System.Globalization;
using Rekindle.Lifecycle;
using Rekindle.Models;
using Rekindle.Signals;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary>The model's view beside the rules: its fit, the active accounts it says are slipping, lapsed accounts by value at stake.</summary>
public static class SignalsView
{
    public static void Show(CliConsole console, BookClassification result, ModelSignals signals, int top = 8)
    {
        var ansi = console.Ansi();
        var fit = signals.Fit;
        ansi.WriteLine();
        ansi.Write(new Rule($"Model signals: {fit.Model.Name()} over the next {signals.HorizonDays} days").LeftJustified());
        ansi.WriteLine(FormattableString.Invariant(
            $"{string.Join(", ", fit.Parameters.Select(p => $"{p.Name} {p.Value:0.###}"))}; log-likelihood {fit.LogLikelihood:0.00} over {fit.Customers:N0} customers"));
        foreach (var warning in fit.Warnings)
        {
            ansi.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        if (!fit.Usable)
        {
            ansi.WriteLine("The fit is not usable: no account is flagged slipping by it.");
        }

        var slipping = Enumerable.Range(0, signals.Slipping.Length).Where(a => signals.Slipping[a])
            .OrderBy(a => signals.ProbabilityAlive[a]).ThenBy(a => a).ToList();
        ansi.WriteLine($"Active by the rules, slipping by the model (P(alive) < {result.Policy.SlippingAliveBelow.ToString(CultureInfo.InvariantCulture)}): {slipping.Count:N0}");
        foreach (var a in slipping.Take(top))
        {
            var info = result.Book.Accounts[a];
            ansi.WriteLine(FormattableString.Invariant($"    {info.Id} {info.Name} (owner {info.OwnerRepId}): P(alive) {signals.ProbabilityAlive[a]:0.00}, {result.DaysSinceLastOrder(a)} days since last order"));
        }

        var table = new Table().Title("Lapsed accounts by value at stake (expected value of the next orders)")
            .AddColumn("account").AddColumn("status").AddColumn(new TableColumn("P(alive)").RightAligned())
            .AddColumn(new TableColumn("expected orders").RightAligned()).AddColumn(new TableColumn("value at stake").RightAligned());
        foreach (var a in signals.LapsedByValueAtStake(result).Take(top))
        {
            var info = result.Book.Accounts[a];
            table.AddRow(
                Markup.Escape($"{info.Id} {info.Name}"), result[a].Status.Code(),
                signals.ProbabilityAlive[a].ToString("0.00", CultureInfo.InvariantCulture),
                signals.ExpectedOrders[a].ToString("0.00", CultureInfo.InvariantCulture),
                signals.ExpectedValue[a].ToString("#,0", CultureInfo.InvariantCulture));
        }

        ansi.Write(table);
    }
}
