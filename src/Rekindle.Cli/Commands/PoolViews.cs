using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rekindle.App.Pool;
using Rekindle.Pool;
using Spectre.Console;
using static Rekindle.Cli.Commands.PoolCommand;

namespace Rekindle.Cli.Commands;

/// <summary><c>pool list</c>, <c>pool note</c> and <c>pool report</c>.</summary>
internal static class PoolViews
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command List(CliConsole console)
    {
        var asOf = AsOf();
        var format = CliOptions.Format("table", "csv", "json");
        return WithWorkspace(new Command("list", "Pooled accounts: history, previous owner, reason released, value at stake (no contact details)") { asOf, format }, console, (parse, db) =>
        {
            var date = parse.GetValue(asOf) ?? console.Today;
            var rows = new PoolQueries(db).List(date);
            var records = rows.Select(r => new
            {
                account = r.Pooled.AccountId,
                name = r.Name,
                industry = r.Industry,
                region = r.Region,
                released_on = Iso(r.Pooled.ReleasedOn),
                days_in_pool = r.Pooled.DaysInPool,
                previous_owner = r.Pooled.PreviousOwnerRepId ?? "",
                reason = PoolCodes.Of(r.Pooled.Reason),
                why = r.Pooled.Why ?? "",
                handoff_note = r.Pooled.HasHandoffNote,
                times_pooled = r.TimesPooled,
                past_claims = r.Pooled.PastClaims,
                value_at_stake = r.ValueAtStake,
            }).ToList();
            switch (parse.GetValue(format))
            {
                case "json":
                    console.Out.WriteLine(JsonSerializer.Serialize(records, Json));
                    break;
                case "csv":
                    console.Out.WriteLine("account,name,industry,region,released_on,days_in_pool,previous_owner,reason,why,handoff_note,times_pooled,past_claims,value_at_stake");
                    foreach (var r in records)
                    {
                        console.Out.WriteLine(string.Join(',', new[] { r.account, r.name, r.industry, r.region, r.released_on, Num(r.days_in_pool), r.previous_owner, r.reason, r.why, r.handoff_note ? "yes" : "no", Num(r.times_pooled), Num(r.past_claims), Money(r.value_at_stake) }.Select(Csv)));
                    }

                    break;
                default:
                    var table = new Table().AddColumns("account", "name", "released", "days", "previous owner", "reason", "why", "note", "pooled", "claims", "value at stake");
                    foreach (var r in records)
                    {
                        table.AddRow(new[] { r.account, r.name, r.released_on, Num(r.days_in_pool), r.previous_owner, r.reason, r.why, r.handoff_note ? "yes" : "no", Num(r.times_pooled), Num(r.past_claims), Money(r.value_at_stake) }.Select(Markup.Escape).ToArray());
                    }

                    console.Ansi().Write(table);
                    console.Out.WriteLine($"{records.Count} account(s) in the pool as of {Iso(date)}");
                    break;
            }

            return ExitCodes.Ok;
        });
    }

    public static Command Note(CliConsole console)
    {
        var account = new Argument<string>("ACCOUNT") { Description = "The account the note is about" };
        var rep = Rep("The author: the owner, or the owner it was released from");
        var players = new Option<string?>("--players") { Description = "Who decides and who influences" };
        var policies = new Option<string?>("--policies") { Description = "How the account buys" };
        var politics = new Option<string?>("--politics") { Description = "The politics" };
        var notes = new Option<string?>("--notes") { Description = "Free text" };
        var file = new Option<string?>("--file") { Description = "A text file with 'players:', 'policies:', 'politics:' and 'notes:' sections" };
        var asOf = AsOf();
        return WithWorkspace(new Command("note", "Write the handoff note (players, policies, politics) the next owner sees on claim") { account, rep, players, policies, politics, notes, file, asOf }, console, (parse, db) =>
        {
            var text = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (parse.GetValue(file) is { } path)
            {
                ReadSections(path, text);
            }

            void Take(Option<string?> option, string key)
            {
                if (parse.GetValue(option) is { } v)
                {
                    text[key] = v;
                }
            }

            Take(players, "players");
            Take(policies, "policies");
            Take(politics, "politics");
            Take(notes, "notes");
            var note = new HandoffNote(
                parse.GetValue(account)!, parse.GetValue(rep)!, parse.GetValue(asOf) ?? console.Today,
                text.GetValueOrDefault("players", "").Trim(), text.GetValueOrDefault("policies", "").Trim(), text.GetValueOrDefault("politics", "").Trim(),
                text.TryGetValue("notes", out var free) && free.Trim().Length > 0 ? free.Trim() : null);
            var outcome = new PoolActions(db, console.Clock).Note(note);
            if (outcome.Refusal is { } refusal)
            {
                return Refused(console, refusal);
            }

            console.Out.WriteLine($"handoff note on {note.AccountId} by {note.AuthorRepId} saved ({Iso(note.WrittenOn)})");
            return ExitCodes.Ok;
        });
    }

    public static Command Report(CliConsole console)
    {
        var from = CliOptions.Date("--from", "First day of the report");
        var to = CliOptions.Date("--to", "Last day of the report");
        from.Required = true;
        to.Required = true;
        var format = CliOptions.Format("table", "json");
        return WithWorkspace(new Command("report", "Pool fairness per rep: claims, refusals by reason, claim-to-first-sale, revenue won back, incentives; pool size and time in pool") { from, to, format }, console, (parse, db) =>
        {
            var first = parse.GetValue(from)!.Value;
            var last = parse.GetValue(to)!.Value;
            if (last < first)
            {
                throw new UsageException("--to must not be before --from");
            }

            var report = new PoolQueries(db).Report(first, last);
            if (parse.GetValue(format) == "json")
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    from = Iso(report.From),
                    to = Iso(report.To),
                    reps = report.Reps.Select(r => new
                    {
                        rep = r.RepId,
                        claims = r.Claims,
                        refusals = r.Refusals.ToDictionary(x => PoolCodes.Of(x.Key), x => x.Value),
                        claims_with_first_sale = r.ClaimsWithFirstSale,
                        claim_to_first_sale_rate = r.ClaimToFirstSaleRate,
                        median_days_to_first_sale = r.MedianDaysToFirstSale,
                        value_at_stake_claimed = r.ValueAtStakeClaimed,
                        revenue_won_back = r.RevenueWonBack,
                        incentives_earned = r.IncentivesEarned,
                    }),
                    pool_size = report.PoolSize.Select(p => new { on = Iso(p.On), accounts = p.Accounts }),
                    stays_ended = report.StaysEnded,
                    median_days_in_pool = report.MedianDaysInPool,
                    still_in_pool = report.StillInPool,
                }, Json));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("rep", "claims", "value at stake claimed", "refusals", "by reason", "first sales", "rate", "median days", "revenue won back", "incentives");
            foreach (var r in report.Reps)
            {
                table.AddRow(new[]
                {
                    r.RepId, Num(r.Claims), Money(r.ValueAtStakeClaimed), Num(r.RefusalCount), string.Join(" ", r.Refusals.Select(x => $"{PoolCodes.Of(x.Key)}={x.Value}")),
                    Num(r.ClaimsWithFirstSale), r.ClaimToFirstSaleRate.ToString("P0", CultureInfo.InvariantCulture),
                    r.MedianDaysToFirstSale?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-", Money(r.RevenueWonBack), Money(r.IncentivesEarned),
                }.Select(Markup.Escape).ToArray());
            }

            console.Ansi().Write(table);
            var sizes = report.PoolSize;
            console.Out.WriteLine($"pool size: {sizes[0].Accounts} on {Iso(sizes[0].On)}, {sizes[^1].Accounts} on {Iso(sizes[^1].On)}, max {sizes.Max(p => p.Accounts)}, mean {sizes.Average(p => p.Accounts).ToString("0.#", CultureInfo.InvariantCulture)}");
            console.Out.WriteLine($"time in pool: {report.StaysEnded} stay(s) ended by a claim, median {report.MedianDaysInPool?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"} days; {report.StillInPool} still in the pool");
            return ExitCodes.Ok;
        });
    }

    private static void ReadSections(string path, Dictionary<string, string> text)
    {
        string? key = null;
        foreach (var line in File.ReadAllLines(path))
        {
            var colon = line.IndexOf(':');
            var head = colon > 0 ? line[..colon].Trim().ToLowerInvariant() : "";
            if (head is "players" or "policies" or "politics" or "notes")
            {
                key = head;
                text[key] = line[(colon + 1)..].Trim();
            }
            else if (key is not null)
            {
                text[key] = (text[key] + "\n" + line).Trim();
            }
        }
    }

    internal static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static string Money(decimal m) => m.ToString("0.00", CultureInfo.InvariantCulture);

    internal static string Csv(string s) => App.Reports.CsvText.Field(s);

}
