using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rekindle.App.Pool;
using Rekindle.Incentives;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Api;

/// <summary>A ledger line: a credit tied to its order (commission, handoff bonus, accelerator) or the reversal of one.</summary>
public sealed record LedgerLineItem(DateOnly On, string OrderId, string AccountId, string Kind, string? Reverses, string Budget, decimal Amount, decimal Basis, string? ClaimId, string Detail);

/// <summary>A statement's totals: gross by kind, reversals (negative), the net from each budget and their sum.</summary>
public sealed record StatementTotalsItem(decimal Commission, decimal HandoffBonus, decimal Accelerator, decimal Reversals, decimal NetCommission, decimal NetIncentiveOverlay, decimal Total);

/// <summary>A rep's incentive statement for one month.</summary>
public sealed record StatementResponse(string RepId, string Period, DateOnly From, DateOnly To, IReadOnlyList<LedgerLineItem> Lines, StatementTotalsItem Totals);

/// <summary>/api/statements/{repId}: a rep reads their own statements (403 for another's); managers and analysts read all.</summary>
public static class StatementsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/statements/{repId}", Get).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).WithTags("Incentives")
            .WithSummary("A rep's commission, handoff bonus, accelerator and reversal lines of a month, with totals; a rep reads own statements only");
    }

    /// <param name="repId">The rep.</param>
    /// <param name="period">The month, yyyy-MM (default: this month), at most 12 months after this month.</param>
    internal static Results<Ok<StatementResponse>, ValidationProblem, ForbidHttpResult, ProblemHttpResult> Get(
        string repId, ClaimsPrincipal user, PoolQueries queries, WorkspaceDb db, WebClock clock, string? period = null)
    {
        if (user.IsRep() && user.RepId() != repId)
        {
            return TypedResults.Forbid();
        }

        var month = StatementPeriod.Of(clock.Today);
        if (period is not null && !StatementMonths.TryRead(period, clock.Today, out month, out var problem))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [problem] });
        }

        if (!db.Reps.Any(r => r.RepId == repId))
        {
            return TypedResults.Problem(Problems.NotFound($"no rep {repId} in the workspace"));
        }

        var s = queries.Statement(repId, month);
        var t = s.Totals;
        return TypedResults.Ok(new StatementResponse(
            s.RepId, s.Period.ToString(), s.Period.First, s.Period.Last,
            [.. s.Lines.Select(l => new LedgerLineItem(
                l.On, l.OrderId, l.AccountId, l.KindCode, l.Reverses is { } r ? LedgerMoney.Code(r) : null, LedgerMoney.Code(l.Budget), l.Amount, l.Basis, l.ClaimId?.Value, l.Detail))],
            new StatementTotalsItem(t.Commission, t.HandoffBonus, t.Accelerator, t.Reversals, t.NetCommission, t.NetIncentiveOverlay, t.Total)));
    }
}
