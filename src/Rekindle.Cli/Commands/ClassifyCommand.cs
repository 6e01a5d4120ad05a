using System.CommandLine;
using Rekindle.App.Csv;
using Rekindle.App.Policies;
using Rekindle.App.Reports;
using Rekindle.Lifecycle;
using Rekindle.Policies;
using Rekindle.Signals;

namespace Rekindle.Cli.Commands;

/// <summary><c>rekindle classify</c>: every account's status as of a date, or the transitions over a range of dates.</summary>
public static class ClassifyCommand
{
    public static Command Create(CliConsole console)
    {
        var data = CliOptions.Data();
        var asOf = CliOptions.Date("--as-of", "Classify as of this date (default: today)");
        var from = CliOptions.Date("--from", "First date of a history run");
        var to = CliOptions.Date("--to", "Last date of a history run");
        var step = new Option<int>("--step") { Description = "Days between dates of a history run", DefaultValueFactory = _ => 30 };
        var policy = CliOptions.PolicyFile();
        var format = CliOptions.Format("table", "csv", "json");
        var output = CliOptions.Out();
        var currency = new Option<string?>("--currency") { Description = "Reporting currency (default: the first order's)" };

        var save = new Option<bool>("--save") { Description = "Store the result in the workspace as a snapshot, with its transitions against the previous one" };

        var command = new Command("classify", "Classify every account as of a date, with its reasons (the workspace's when --data is not given)")
        {
            data, asOf, from, to, step, policy, format, output, currency, save,
        };
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(data);
            if (folder is null)
            {
                return workspace.Run(parse, console, db => ClassifyWorkspace.Run(db, console, parse.GetValue(policy), parse.GetValue(save), (input, effective, saveSnapshot) => Classify(parse, input, effective, saveSnapshot)));
            }

            if (parse.GetValue(save))
            {
                throw new UsageException("--save stores a snapshot in the workspace: leave out --data");
            }

            var effective = PolicyFile.Load(parse.GetValue(policy));
            var loaded = BookLoader.Load(folder, new LoadOptions { Currency = parse.GetValue(currency) });
            foreach (var file in CsvSchema.Unread(folder))
            {
                console.Error.WriteLine($"warning: not read: {file}");
            }

            return Classify(parse, ClassifyInput.Of(loaded), effective, null);
        });

        int Classify(ParseResult parse, ClassifyInput input, Policy effective, Func<BookClassification, int>? saveSnapshot)
        {
            var target = parse.GetValue(output);
            var fmt = parse.GetValue(format)!;

            if (parse.GetValue(from) is { } first)
            {
                var last = parse.GetValue(to) ?? throw new UsageException("--to is required with --from");
                var days = parse.GetValue(step);
                if (days < 1)
                {
                    throw new UsageException("--step must be at least 1 day");
                }

                if (last < first)
                {
                    throw new UsageException("--to must not be before --from");
                }

                if (saveSnapshot is not null)
                {
                    throw new UsageException("--save stores one date's classification: use --as-of, not --from/--to");
                }

                var history = ClassificationHistory.Run(input.Load().Book, effective, first, last, days);
                Emit(console, target, fmt, w => HistoryWriter.WriteCsv(history, w), s => HistoryWriter.WriteJson(history, s), () => HistoryView.Show(console, history));
                if (fmt != "table")
                {
                    console.Error.WriteLine($"{history.Dates.Count} dates from {first:yyyy-MM-dd} to {history.Dates[^1]:yyyy-MM-dd}, policy version {history.PolicyVersion}");
                }

                return ExitCodes.Ok;
            }

            var date = parse.GetValue(asOf) ?? console.Today;
            var result = input.ClassifyAt(effective, date);
            var signals = ModelSignals.Compute(result);
            Emit(console, target, fmt, w => ClassificationWriter.WriteCsv(result, w, signals), s => ClassificationWriter.WriteJson(result, s, signals), () =>
            {
                SummaryView.Show(console, result, input.Currency);
                if (signals is not null)
                {
                    SignalsView.Show(console, result, signals);
                }
            });
            if (fmt != "table")
            {
                // The table prints the policy version itself; files and pipes get it on standard error.
                console.Error.WriteLine($"{(target is null ? "classified" : "wrote " + target + ":")} {result.Summary.Accounts:N0} accounts as of {date:yyyy-MM-dd}, policy version {result.PolicyVersion}");
            }

            return saveSnapshot?.Invoke(result) ?? ExitCodes.Ok;
        }

        return command;
    }

    /// <summary>Writes csv or json to the file or standard output; the table goes to the terminal.</summary>
    internal static void Emit(CliConsole console, string? target, string format, Action<TextWriter> csv, Action<Stream> json, Action table)
    {
        switch (format)
        {
            case "csv" when target is not null:
                OutputFile.Write(target, csv);
                break;
            case "csv":
                csv(console.Out);
                break;
            case "json" when target is not null:
                OutputFile.Write(target, w => WriteJson(w, json));
                break;
            case "json":
                WriteJson(console.Out, json);
                break;
            default:
                table();
                break;
        }
    }

    private static void WriteJson(TextWriter writer, Action<Stream> json)
    {
        using var buffer = new MemoryStream();
        json(buffer);
        writer.Write(OutputFile.Utf8NoBom.GetString(buffer.ToArray()));
        writer.Write('\n');
    }
}
