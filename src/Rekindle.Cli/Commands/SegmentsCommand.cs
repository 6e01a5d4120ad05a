using System.CommandLine;
using System.Globalization;
using Rekindle.App.Csv;
using Rekindle.App.Policies;
using Rekindle.App.Reactivation;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Reactivation;
using Rekindle.Storage;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary>
/// <c>rekindle segments</c>: the lapsed accounts as of a date on the three segment axes (downtime band, spend tier,
/// reachable channels): the matrix (accounts and revenue at stake per cell) and each account's segment and play.
/// </summary>
public static class SegmentsCommand
{
    public static Command Create(CliConsole console)
    {
        var data = CliOptions.Data();
        var asOf = CliOptions.Date("--as-of", "Segment as of this date (default: today)");
        var policy = CliOptions.PolicyFile();
        var format = CliOptions.Format("table", "csv", "json");
        var output = CliOptions.Out();
        var list = new Option<string>("--list") { Description = "What csv lists: accounts (one row per lapsed account) or cells (the matrix)", DefaultValueFactory = _ => "accounts" };
        list.AcceptOnlyFromAmong("accounts", "cells");
        var top = new Option<int>("--top") { Description = "Accounts the table lists, by revenue at stake (0: none)", DefaultValueFactory = _ => 20 };
        var command = new Command("segments", "Segment the lapsed accounts by downtime, spend tier and reachable channels (the workspace's when --data is not given)")
        {
            data, asOf, policy, format, output, list, top,
        };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? console.Today;
            int Show(SegmentedBook segmented, ReactivationDirectory directory, string currency)
            {
                var csv = parse.GetValue(list) == "cells" ? (Action<TextWriter>)(w => SegmentsWriter.WriteCellsCsv(segmented, w)) : w => SegmentsWriter.WriteAccountsCsv(segmented, directory, w);
                ClassifyCommand.Emit(console, parse.GetValue(output), parse.GetValue(format)!, csv, s => SegmentsWriter.WriteJson(segmented, directory, s),
                    () => ShowTable(console, segmented, directory, currency, parse.GetValue(top)));
                return ExitCodes.Ok;
            }

            if (parse.GetValue(data) is { } folder)
            {
                var loaded = BookLoader.Load(folder, new LoadOptions { Directory = true });
                return Show(Segment(loaded.Book, PolicyFile.Load(parse.GetValue(policy)), date, loaded.Directory), loaded.Directory, loaded.Currency);
            }

            return workspace.Run(parse, console, db =>
            {
                var (segmented, directory, currency) = SegmentWorkspace(db, console, parse.GetValue(policy), date);
                return Show(segmented, directory, currency);
            });
        });
        return command;
    }

    /// <summary>Classifies the book as of <paramref name="asOf"/> and segments its lapsed accounts.</summary>
    internal static SegmentedBook Segment(AccountBook book, Policy policy, DateOnly asOf, ReactivationDirectory directory) =>
        Segmentation.Segment(LifecycleEngine.Classify(book, policy, asOf), directory);

    /// <summary>The workspace's book and directory segmented under its current policy (or <paramref name="policyFile"/>).</summary>
    internal static (SegmentedBook Segmented, ReactivationDirectory Directory, string Currency) SegmentWorkspace(WorkspaceDb db, CliConsole console, string? policyFile, DateOnly asOf)
    {
        var effective = policyFile is not null ? PolicyFile.Load(policyFile) : new WorkspacePolicies(db, console.Clock).CurrentPolicy().Policy;
        var result = WorkspaceSegments.Segment(db, effective, asOf);
        if (result.Accounts == 0)
        {
            console.Error.WriteLine("note: the workspace has no accounts yet (rekindle import DIR loads them)");
        }

        return (result.Segmented, result.Directory, result.Currency);
    }

    private static void ShowTable(CliConsole console, SegmentedBook book, ReactivationDirectory directory, string currency, int top)
    {
        var ansi = console.Ansi();
        var bands = book.Bands;
        var matrix = new Table()
            .Title($"Lapsed accounts as of {book.AsOf:yyyy-MM-dd}: accounts / revenue at stake ({currency} a year)")
            .AddColumn("downtime band");
        foreach (var tier in SpendTiers.All)
        {
            matrix.AddColumn(new TableColumn(tier.Code()).RightAligned());
        }

        matrix.AddColumn(new TableColumn("all").RightAligned());
        var byBandTier = book.Matrix.Rollup(SegmentAxes.Band | SegmentAxes.Tier);
        var byBand = book.Matrix.Rollup(SegmentAxes.Band);
        var byTier = book.Matrix.Rollup(SegmentAxes.Tier);
        for (var b = 0; b < bands.Count; b++)
        {
            var row = new List<string> { bands.Label(b) };
            row.AddRange(SpendTiers.All.Select(t => Cell(byBandTier.FirstOrDefault(c => c.Band == b && c.Tier == t))));
            row.Add(Cell(byBand.FirstOrDefault(c => c.Band == b)));
            matrix.AddRow(row.ToArray());
        }

        var total = new List<string> { "[bold]all[/]" };
        total.AddRange(SpendTiers.All.Select(t => Cell(byTier.FirstOrDefault(c => c.Tier == t))));
        total.Add($"[bold]{Cell(book.Matrix.Total)}[/]");
        matrix.AddRow(total.ToArray());
        ansi.Write(matrix);
        var cuts = book.TierCuts;
        ansi.WriteLine($"Spend tiers by average annual spend: big from {Money(cuts.Big)}, medium from {Money(cuts.Medium)} ({(book.TierCutsFromPolicy ? "policy cut points" : "policy shares")}); bands {(bands.Auto ? "auto" : "from the policy")}. Policy version {book.PolicyVersion}");

        var channels = new Table().Title("Reachable channels").AddColumn("channels")
            .AddColumn(new TableColumn("accounts").RightAligned()).AddColumn(new TableColumn("revenue at stake").RightAligned());
        foreach (var c in book.Matrix.Rollup(SegmentAxes.Channels))
        {
            channels.AddRow(c.Channels?.Code() ?? "*", N(c.Accounts), Money(c.RevenueAtStake));
        }

        ansi.Write(channels);
        if (top <= 0 || book.Accounts.Count == 0)
        {
            return;
        }

        var accounts = new Table().Title($"Accounts by revenue at stake (first {Math.Min(top, book.Accounts.Count)} of {N(book.Accounts.Count)}; --format csv lists all)")
            .AddColumn("account").AddColumn("name").AddColumn("status").AddColumn(new TableColumn("days since").RightAligned())
            .AddColumn("segment").AddColumn(new TableColumn("at stake").RightAligned()).AddColumn("play").AddColumn("favourite lapsed product");
        foreach (var s in book.Accounts.OrderByDescending(s => s.RevenueAtStake).ThenBy(s => s.AccountId, StringComparer.Ordinal).Take(top))
        {
            accounts.AddRow(Markup.Escape(s.AccountId), Markup.Escape(s.AccountName), s.Status.Code() + (s.Key ? " (key)" : ""), N(s.DaysSinceLastOrder),
                Markup.Escape(s.SegmentCode), Money(s.RevenueAtStake), Markup.Escape(s.PlayId ?? "(no rule)"),
                Markup.Escape(SegmentsWriter.Favourite(book, directory, s)?.Name ?? "-"));
        }

        ansi.Write(accounts);
    }

    private static string Cell(SegmentCell? c) => c is null || c.Accounts == 0 ? "-" : $"{N(c.Accounts)} / {Money(c.RevenueAtStake)}";

    private static string N(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
