using System.CommandLine;
using Rekindle.App.Pool;
using Rekindle.Pool;
using Rekindle.Storage;
using Spectre.Console;

namespace Rekindle.Cli.Commands;

/// <summary>
/// <c>rekindle pool sweep|upcoming|list|claim|release|note|report</c>: the dormant-account pool of the workspace.
/// Every verb about time takes <c>--as-of</c> (default: today). A refused action exits 3 naming the rule.
/// </summary>
public static class PoolCommand
{
    public static Command Create(CliConsole console) => new("pool", "The dormant-account pool: sweep, claims, releases, handoff notes, fairness report")
    {
        Sweep(console), Upcoming(console), PoolViews.List(console), Claim(console), Release(console), PoolViews.Note(console), PoolViews.Report(console),
    };

    internal static Option<DateOnly?> AsOf() => CliOptions.Date("--as-of", "As of this date (default: today)");

    internal static Option<string> Rep(string description = "The rep") => new("--rep") { Description = description, Required = true };

    /// <summary>Prints a refusal (rule code and sentence) to standard error: exit code 3.</summary>
    internal static int Refused(CliConsole console, Refusal refusal)
    {
        console.Error.WriteLine($"refused: {refusal.Code}: {refusal.Message}");
        return ExitCodes.Refused;
    }

    internal static Command WithWorkspace(Command command, CliConsole console, Func<ParseResult, WorkspaceDb, int> action)
    {
        var workspace = new WorkspaceOptions().AddTo(command);
        command.SetAction(parse => workspace.Run(parse, console, db => action(parse, db)));
        return command;
    }

    private static Command Sweep(CliConsole console)
    {
        var asOf = AsOf();
        var format = CliOptions.Format("table", "csv");
        var verbose = new Option<bool>("--verbose") { Description = "Also list every released account and returned claim (the table is a summary by reason and owner)" };
        return WithWorkspace(new Command("sweep", "Post orders to the ledger, release accounts dormant for poolAfterDormantDays and return expired claims") { asOf, format, verbose }, console, (parse, db) =>
        {
            var date = parse.GetValue(asOf) ?? console.Today;
            var run = new PoolSweeper(db, console.Clock).Sweep(date);
            var s = run.Sweep;
            var summary = $"sweep as of {Iso(date)}: {s.Released.Count} released, {s.Returned.Count} claims returned, {s.Upcoming.Count} warned; " +
                $"ledger: {run.Posting.OrdersBooked} orders booked, {run.Posting.OrdersReversed} reversed";
            if (parse.GetValue(format) == "csv")
            {
                console.Out.WriteLine("action,account,owner,reason,detail");
                foreach (var r in s.Released)
                {
                    console.Out.WriteLine(string.Join(',', new[] { "released", r.AccountId, r.PreviousOwnerRepId ?? "", PoolCodes.Of(r.Reason), r.Why ?? "" }.Select(PoolViews.Csv)));
                }

                foreach (var c in s.Returned)
                {
                    console.Out.WriteLine(string.Join(',', new[] { "returned", c.AccountId, c.RepId, "claim_expired", c.Id.ToString() }.Select(PoolViews.Csv)));
                }

                console.Error.WriteLine(summary);
                return ExitCodes.Ok;
            }

            if (parse.GetValue(verbose))
            {
                foreach (var r in s.Released)
                {
                    console.Out.WriteLine($"released  {r.AccountId}  from {r.PreviousOwnerRepId ?? "(no owner)"}  {r.Why}");
                }

                foreach (var c in s.Returned)
                {
                    console.Out.WriteLine($"returned  {c.AccountId}  claim {c.Id} by {c.RepId}");
                }
            }

            var rows = s.Released.Select(r => (Owner: r.PreviousOwnerRepId ?? "(no owner)", Reason: PoolCodes.Of(r.Reason)))
                .Concat(s.Returned.Select(c => (Owner: c.RepId, Reason: "claim_returned")))
                .GroupBy(r => r)
                .OrderBy(g => g.Key.Reason, StringComparer.Ordinal).ThenByDescending(g => g.Count()).ThenBy(g => g.Key.Owner, StringComparer.Ordinal)
                .ToList();
            if (rows.Count > 0)
            {
                var table = new Table().AddColumns("reason", "owner").AddColumn(new TableColumn("accounts").RightAligned());
                foreach (var g in rows)
                {
                    table.AddRow(g.Key.Reason, Markup.Escape(g.Key.Owner), g.Count().ToString("#,0", System.Globalization.CultureInfo.InvariantCulture));
                }

                console.Ansi().Write(table);
            }

            console.Out.WriteLine(summary + (rows.Count > 0 && !parse.GetValue(verbose) ? " (--verbose or --format csv lists the accounts)" : ""));
            return ExitCodes.Ok;
        });
    }

    private static Command Upcoming(CliConsole console)
    {
        var asOf = AsOf();
        var rep = new Option<string?>("--rep") { Description = "Only this owner's accounts" };
        var format = CliOptions.Format("table", "csv", "json");
        return WithWorkspace(new Command("upcoming", "Accounts the sweep will release within poolNoticeDays, with the countdown") { rep, asOf, format }, console, (parse, db) =>
        {
            var date = parse.GetValue(asOf) ?? console.Today;
            var warnings = new PoolSweeper(db, console.Clock).Upcoming(date, parse.GetValue(rep));
            switch (parse.GetValue(format))
            {
                case "csv":
                    console.Out.WriteLine("account,owner,reason,release_on,days_left");
                    foreach (var w in warnings)
                    {
                        console.Out.WriteLine(string.Join(',', new[] { w.AccountId, w.OwnerRepId ?? "", PoolCodes.Of(w.Reason), Iso(w.ReleaseOn), w.DaysLeft.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Select(PoolViews.Csv)));
                    }

                    break;
                case "json":
                    console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(
                        warnings.Select(w => new { account = w.AccountId, owner = w.OwnerRepId, reason = PoolCodes.Of(w.Reason), release_on = Iso(w.ReleaseOn), days_left = w.DaysLeft }),
                        PoolViews.Json));
                    break;
                default:
                    var table = new Table().AddColumns("account", "owner", "reason", "release on").AddColumn(new TableColumn("days left").RightAligned());
                    foreach (var w in warnings)
                    {
                        table.AddRow(Markup.Escape(w.AccountId), Markup.Escape(w.OwnerRepId ?? ""), PoolCodes.Of(w.Reason), Iso(w.ReleaseOn), w.DaysLeft.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    if (warnings.Count > 0)
                    {
                        console.Ansi().Write(table);
                    }

                    break;
            }

            console.Error.WriteLine($"{warnings.Count} account(s) due within the notice period as of {Iso(date)}");
            return ExitCodes.Ok;
        });
    }

    private static Command Claim(CliConsole console)
    {
        var account = new Argument<string>("ACCOUNT") { Description = "The pooled account to claim" };
        var rep = Rep("The claiming rep");
        var asOf = AsOf();
        return WithWorkspace(new Command("claim", "Claim an account from the pool (exit 3 when a rule refuses, naming it)") { account, rep, asOf }, console, (parse, db) =>
        {
            var outcome = new PoolActions(db, console.Clock).Claim(parse.GetValue(account)!, parse.GetValue(rep)!, parse.GetValue(asOf) ?? console.Today);
            if (outcome.Refusal is { } refusal)
            {
                return Refused(console, refusal);
            }

            var g = outcome.Value!;
            console.Out.WriteLine($"granted: {g.Claim.RepId} claimed {g.Claim.AccountId} on {Iso(g.Claim.ClaimedOn)} (claim {g.Claim.Id}); previous owner {g.Claim.PreviousOwnerRepId ?? "none"}");
            console.Out.WriteLine(g.Note is { } n
                ? $"handoff note by {n.AuthorRepId} ({Iso(n.WrittenOn)}):\n  players:  {n.Players}\n  policies: {n.Policies}\n  politics: {n.Politics}{(n.FreeText is { Length: > 0 } t ? "\n  notes:    " + t : "")}"
                : "handoff note: none yet");
            console.Out.WriteLine(g.Contacts.Count == 0 ? "contacts: none on record" : "contacts:");
            foreach (var c in g.Contacts)
            {
                console.Out.WriteLine("  " + Words.Contact(c.Name, c.Role, [c.Email, c.Phone, c.Social, c.PostalAddress]));
            }

            return ExitCodes.Ok;
        });
    }

    private static Command Release(CliConsole console)
    {
        var account = new Argument<string>("ACCOUNT") { Description = "The account to release" };
        var rep = Rep("The owner releasing it");
        var reason = new Option<string>("--reason") { Description = "Why it is released early", Required = true };
        var asOf = AsOf();
        return WithWorkspace(new Command("release", "Release an account to the pool before the sweep, with a reason") { account, rep, reason, asOf }, console, (parse, db) =>
        {
            var outcome = new PoolActions(db, console.Clock).Release(parse.GetValue(account)!, parse.GetValue(rep)!, parse.GetValue(reason)!, parse.GetValue(asOf) ?? console.Today);
            if (outcome.Refusal is { } refusal)
            {
                return Refused(console, refusal);
            }

            console.Out.WriteLine($"released: {outcome.Value!.AccountId} to the pool on {Iso(outcome.Value.ReleasedOn)} ({PoolCodes.Of(outcome.Value.Reason)}): {outcome.Value.Why}");
            return ExitCodes.Ok;
        });
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
