using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rekindle.App.Policies;
using Rekindle.App.Reports;
using Rekindle.Backtest;
using Rekindle.Models;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Signals;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary>
/// <c>rekindle backtest</c>: replays policies, models and the plain recency baseline over past dates and scores
/// the call "will not buy within the horizon" against what happened next.
/// </summary>
public static class BacktestCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "CSV folder, or a log file with --input-format", Required = true };
        var inputFormat = new Option<string?>("--input-format") { Description = "csv (default), cdnow, elog or online-retail" };
        var from = CliOptions.Date("--from", "First as-of date");
        var to = CliOptions.Date("--to", "Last as-of date");
        var step = new Option<int>("--step") { Description = "Days between as-of dates", DefaultValueFactory = _ => 90 };
        var horizon = new Option<int>("--horizon") { Description = "Days after each as-of date in which a purchase counts", DefaultValueFactory = _ => 180 };
        var policies = new Option<string[]>("--policy") { Description = "Policy files to compare (repeatable; default: the built-in policy)", AllowMultipleArgumentsPerToken = false };
        var models = new Option<string[]>("--model") { Description = "Models to score (repeatable): bgnbd, mbgnbd, pareto-nbd; each also scored combined with recency" };
        var unit = new Option<string>("--time-unit") { Description = "Model time unit: weeks (default) or days", DefaultValueFactory = _ => "weeks" };
        unit.AcceptOnlyFromAmong("weeks", "days");
        var format = CliOptions.Format("table", "json");
        from.Required = true;
        to.Required = true;

        var command = new Command("backtest", "Score policies, models and the recency baseline against what happened next")
        {
            data, inputFormat, from, to, step, horizon, policies, models, unit, format,
        };
        command.SetAction(parse =>
        {
            var first = parse.GetValue(from)!.Value;
            var last = parse.GetValue(to)!.Value;
            var days = parse.GetValue(step);
            var h = parse.GetValue(horizon);
            if (days < 1 || h < 1 || last < first)
            {
                throw new UsageException("--step and --horizon must be at least 1 day, and --to not before --from");
            }

            var loaded = BookSource.Load(parse.GetValue(data)!, parse.GetValue(inputFormat));
            var files = parse.GetValue(policies) ?? [];
            var candidates = new List<IBacktestCandidate>();
            var basePolicy = files.Length == 0 ? Policy.Default : PolicyFile.Load(files[0]);
            foreach (var file in files)
            {
                candidates.Add(new PolicyCandidate("policy " + Path.GetFileNameWithoutExtension(file), PolicyFile.Load(file)));
            }

            if (files.Length == 0)
            {
                candidates.Add(new PolicyCandidate("policy (default)", Policy.Default));
            }

            candidates.Add(new RecencyBaseline(basePolicy.InactiveAfterCycles, basePolicy));
            var timeUnit = parse.GetValue(unit) == "days" ? TimeUnit.Days : TimeUnit.Weeks;
            foreach (var name in parse.GetValue(models) ?? [])
            {
                if (!ModelKinds.TryParse(name, out var kind) || kind == ModelKind.GammaGamma)
                {
                    throw new UsageException($"--model {name}: expected bgnbd, mbgnbd or pareto-nbd");
                }

                candidates.Add(new ModelCandidate(kind, timeUnit));
                candidates.Add(new CombinedCandidate(kind, timeUnit, basePolicy));
            }
            var dates = ClassificationHistory.DatesFor(first, last, days);

            var scores = BacktestRunner.Run(loaded.Book, candidates, dates, h, basePolicy);
            if (parse.GetValue(format) == "json")
            {
                console.Out.WriteLine(JsonSerializer.Serialize(scores.Select(Json), Indented));
            }
            else
            {
                Show(console, scores, h);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static object Json(CallScore s) => new Dictionary<string, object?>
    {
        ["candidate"] = s.Candidate,
        ["as_of"] = s.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["accounts"] = s.Accounts,
        ["called_lost"] = s.CalledLost,
        ["truly_lost"] = s.TrulyLost,
        ["precision"] = Round(s.Precision),
        ["recall"] = Round(s.Recall),
        ["f1"] = Round(s.F1),
        ["auc"] = Round(s.Auc),
        ["false_dormancy_rate"] = Round(s.FalseDormancyRate),
        ["missed_lapse_rate"] = Round(s.MissedLapseRate),
        ["median_lead_days"] = s.MedianLeadDays,
    };

    private static void Show(CliConsole console, IReadOnlyList<CallScore> scores, int horizon)
    {
        var table = new Table().Title($"Call \"will not buy within {horizon} days\", scored against what happened")
            .AddColumns("as of", "candidate")
            .AddColumns(new[] { "accounts", "precision", "recall", "F1", "AUC", "false dormancy", "missed lapses", "median lead (days)" }.Select(c => new TableColumn(c).RightAligned()).ToArray());
        foreach (var s in scores)
        {
            table.AddRow(
                s.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Markup.Escape(s.Candidate), SummaryView.N(s.Accounts),
                F(s.Precision), F(s.Recall), F(s.F1), F(s.Auc), P(s.FalseDormancyRate), P(s.MissedLapseRate),
                s.MedianLeadDays?.ToString("0", CultureInfo.InvariantCulture) ?? "-");
        }

        console.Ansi().Write(table);
        console.Out.WriteLine(RatesCaption);
    }

    /// <summary>Why the policy's rates are not the other rows': what "called dormant" and "called active" mean for each.</summary>
    internal const string RatesCaption =
        "false dormancy: of the accounts called dormant, the share that bought within the horizon; missed lapses: of the accounts called active, " +
        "the share that did not. A policy calls dormant and active by its statuses (new, occasional, passive and inactive are neither); the baseline, " +
        "models and combined signals call every account they call lost dormant and every other active. -: no account in the denominator.";

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private static string F(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";

    private static string P(double? share) => share is { } s ? SummaryView.P(s) : "-";
}
