using System.CommandLine;
using System.Text.Json;
using Rekindle.App.Pool;
using Rekindle.Incentives;
using Rekindle.Pool;
using Spectre.Console;
using static Rekindle.Cli.Commands.PoolCommand;
using static Rekindle.Cli.Commands.PoolViews;

namespace Rekindle.Cli.Commands;

/// <summary><c>rekindle incentives post|statement</c> and <c>rekindle reps deactivate</c>.</summary>
public static class IncentivesCommand
{
    public static Command Create(CliConsole console) => new("incentives", "The incentive ledger: post orders, statements per rep and month")
    {
        Post(console), Statement(console),
    };

    private static Command Post(CliConsole console)
    {
        var asOf = AsOf();
        return WithWorkspace(new Command("post", "Book every booked order up to --as-of not yet in the ledger, in date order; reverse refunded ones") { asOf }, console, (parse, db) =>
        {
            var date = parse.GetValue(asOf) ?? console.Today;
            var posting = new PoolSweeper(db, console.Clock).Post(date);
            console.Out.WriteLine($"ledger as of {Iso(date)}: {posting.OrdersBooked} orders booked, {posting.OrdersReversed} reversed, {posting.LinesWritten} lines");
            return ExitCodes.Ok;
        });
    }

    private static Command Statement(CliConsole console)
    {
        var rep = Rep();
        var period = new Option<string>("--period") { Description = "The month, yyyy-MM (2026-10)", Required = true };
        var format = CliOptions.Format("table", "csv", "json");
        return WithWorkspace(new Command("statement", "A rep's commission, handoff bonus, accelerator and reversal lines of a month, with their orders and totals") { rep, period, format }, console, (parse, db) =>
        {
            if (!StatementPeriod.TryParse(parse.GetValue(period), out var month))
            {
                throw new UsageException($"--period {parse.GetValue(period)} is not yyyy-MM (for example 2026-10)");
            }

            var s = new PoolQueries(db).Statement(parse.GetValue(rep)!, month);
            var t = s.Totals;
            switch (parse.GetValue(format))
            {
                case "json":
                    console.Out.WriteLine(JsonSerializer.Serialize(new
                    {
                        rep = s.RepId,
                        period = s.Period.ToString(),
                        lines = s.Lines.Select(l => new
                        {
                            on = Iso(l.On),
                            order = l.OrderId,
                            account = l.AccountId,
                            kind = l.KindCode,
                            reverses = l.Reverses is { } r ? LedgerMoney.Code(r) : null,
                            budget = LedgerMoney.Code(l.Budget),
                            amount = l.Amount,
                            basis = l.Basis,
                            claim = l.ClaimId?.Value,
                            detail = l.Detail,
                        }),
                        totals = new
                        {
                            commission = t.Commission,
                            handoff_bonus = t.HandoffBonus,
                            accelerator = t.Accelerator,
                            reversals = t.Reversals,
                            net_commission = t.NetCommission,
                            net_incentive_overlay = t.NetIncentiveOverlay,
                            total = t.Total,
                        },
                    }, PoolViews.Json));
                    break;
                case "csv":
                    console.Out.WriteLine("on,order,account,kind,reverses,budget,amount,basis,claim,detail");
                    foreach (var l in s.Lines)
                    {
                        console.Out.WriteLine(string.Join(',', new[] { Iso(l.On), l.OrderId, l.AccountId, l.KindCode, l.Reverses is { } r ? LedgerMoney.Code(r) : "", LedgerMoney.Code(l.Budget), Money(l.Amount), Money(l.Basis), l.ClaimId?.Value ?? "", l.Detail }.Select(Csv)));
                    }

                    break;
                default:
                    var table = new Table().AddColumns("date", "order", "account", "kind", "budget", "amount", "detail");
                    foreach (var l in s.Lines)
                    {
                        table.AddRow(new[] { Iso(l.On), l.OrderId, l.AccountId, l.Reverses is { } r ? $"reversal of {LedgerMoney.Code(r)}" : l.KindCode, LedgerMoney.Code(l.Budget), Money(l.Amount), l.Detail }.Select(Markup.Escape).ToArray());
                    }

                    console.Ansi().Write(table);
                    console.Out.WriteLine($"{s.RepId} {s.Period}: commission {Money(t.Commission)}, handoff bonus {Money(t.HandoffBonus)}, accelerator {Money(t.Accelerator)}, reversals {Money(t.Reversals)}");
                    console.Out.WriteLine($"net commission {Money(t.NetCommission)}, net incentive overlay {Money(t.NetIncentiveOverlay)}, total {Money(t.Total)}");
                    break;
            }

            return ExitCodes.Ok;
        });
    }

    internal static Command Deactivate(CliConsole console)
    {
        var rep = new Argument<string>("REP") { Description = "The departing rep" };
        var toPool = new Option<bool>("--to-pool") { Description = "Release their accounts to the pool" };
        var to = new Option<string?>("--to") { Description = "Reassign their accounts to this active rep" };
        var by = new Option<string?>("--by") { Description = "Who does it (default: the user name)" };
        var asOf = AsOf();
        return WithWorkspace(new Command("deactivate", "Deactivate a rep and move all their accounts in one step (--to-pool or --to REP)") { rep, toPool, to, by, asOf }, console, (parse, db) =>
        {
            var target = parse.GetValue(to);
            if (parse.GetValue(toPool) == target is not null)
            {
                throw new UsageException("say where the accounts go: --to-pool or --to REP (one of them)");
            }

            var handover = target is null ? Handover.ToPool : Handover.To(target);
            var outcome = new PoolActions(db, console.Clock).Deactivate(parse.GetValue(rep)!, handover, parse.GetValue(by) ?? Environment.UserName, parse.GetValue(asOf) ?? console.Today);
            if (outcome.Refusal is { } refusal)
            {
                return Refused(console, refusal);
            }

            console.Out.WriteLine($"{parse.GetValue(rep)} deactivated: {outcome.Value!.Count} account(s) {(target is null ? "released to the pool" : "reassigned to " + target)}");
            return ExitCodes.Ok;
        });
    }
}
