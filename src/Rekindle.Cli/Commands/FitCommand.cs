using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rekindle.App.Csv;
using Rekindle.App.Reports;
using Rekindle.App.Workspace;
using Rekindle.Models;
using Rekindle.Signals;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary>
/// <c>rekindle fit</c>: fits a customer-base model (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma) by maximum
/// likelihood on the accounts' purchases up to a calibration end, with standard errors and honest warnings.
/// </summary>
public static class FitCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "bgnbd, mbgnbd, pareto-nbd or gamma-gamma", Required = true };
        model.AcceptOnlyFromAmong([.. ModelKinds.All.Select(m => m.Name)]);
        var calibrationEnd = CliOptions.Date("--calibration-end", "Last day of the calibration period");
        calibrationEnd.Required = true;
        var unit = new Option<string>("--time-unit") { Description = "weeks (default) or days", DefaultValueFactory = _ => "weeks" };
        unit.AcceptOnlyFromAmong("weeks", "days");
        var data = new Option<string?>("--data") { Description = "CSV folder, or a log file with --input-format (default: the workspace)" };
        var inputFormat = new Option<string?>("--input-format") { Description = "csv (default), cdnow, elog or online-retail" };
        var format = CliOptions.Format("table", "json");

        var command = new Command("fit", "Fit a customer-base model to the accounts' purchases") { model, calibrationEnd, unit, data, inputFormat, format };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(data) is { } path)
            {
                return Run(parse, BookSource.Load(path, parse.GetValue(inputFormat)));
            }

            return workspace.Run(parse, console, db => Run(parse, WorkspaceBook.Load(db)));
        });

        int Run(ParseResult parse, LoadedBook loaded)
        {
            var kind = ModelKinds.Parse(parse.GetValue(model)!);
            var timeUnit = parse.GetValue(unit) == "days" ? TimeUnit.Days : TimeUnit.Weeks;
            var summaries = BookSummaries.From(loaded.Book, parse.GetValue(calibrationEnd)!.Value, timeUnit).Summaries;
            var clock = Stopwatch.StartNew();
            var fit = ModelFitter.Fit(kind, summaries);
            var seconds = clock.Elapsed.TotalSeconds;
            if (parse.GetValue(format) == "json")
            {
                console.Out.WriteLine(JsonSerializer.Serialize(Json(fit, seconds), Indented));
            }
            else
            {
                Show(console, fit, seconds, timeUnit);
            }

            return fit.Failure == FitFailure.None ? ExitCodes.Ok : ExitCodes.Failure;
        }

        return command;
    }

    private static Dictionary<string, object?> Json(FitResult fit, double seconds) => new()
    {
        ["model"] = fit.Model.Name(),
        ["params"] = fit.Parameters.ToDictionary(p => p.Name, p => Finite(p.Value)),
        ["standard_errors"] = fit.Parameters.ToDictionary(p => p.Name, p => Finite(p.StandardError)),
        ["log_likelihood"] = Finite(fit.LogLikelihood),
        ["customers"] = fit.Customers,
        ["seconds"] = Math.Round(seconds, 3),
        ["converged"] = fit.Converged,
        ["usable"] = fit.Usable,
        ["failure"] = fit.Failure == FitFailure.None ? null : fit.Failure.ToString(),
        ["warnings"] = fit.Warnings,
    };

    /// <summary>JSON has no NaN or infinity: a figure a failed fit could not give is null.</summary>
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static void Show(CliConsole console, FitResult fit, double seconds, TimeUnit unit)
    {
        var ansi = console.Ansi();
        var table = new Table().Title($"{fit.Model.Name()} fit ({unit.ToString().ToLowerInvariant()})")
            .AddColumn("parameter").AddColumn(new TableColumn("estimate").RightAligned()).AddColumn(new TableColumn("std. error").RightAligned());
        foreach (var p in fit.Parameters)
        {
            table.AddRow(p.Name, p.Value.ToString("0.000000", CultureInfo.InvariantCulture), p.StandardError?.ToString("0.000000", CultureInfo.InvariantCulture) ?? "-");
        }

        ansi.Write(table);
        ansi.WriteLine($"log-likelihood {fit.LogLikelihood.ToString("0.0000", CultureInfo.InvariantCulture)}, {fit.Customers:N0} customers, {seconds.ToString("0.000", CultureInfo.InvariantCulture)} s, {(fit.Converged ? "converged" : "did not converge")}");
        foreach (var warning in fit.Warnings)
        {
            ansi.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        if (!fit.Usable)
        {
            ansi.WriteLine("This fit is not used to call accounts dormant.");
        }
    }
}
