using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Storage;

namespace Rekindle.Web.Api;

/// <summary>One status in a snapshot: accounts and trailing-12-month revenue, each with its share of the book (0 to 1).</summary>
public sealed record StatusTotal(string Status, int Accounts, double AccountShare, int KeyAccounts, decimal Revenue12m, double RevenueShare);

/// <summary>The book by status as of a saved snapshot.</summary>
public sealed record ClassificationSummary(
    DateOnly AsOf,
    string PolicyVersion,
    int? PolicyNumber,
    DateTime SavedAtUtc,
    string Currency,
    int Accounts,
    int KeyAccounts,
    decimal Revenue12m,
    double CompanyCycleDays,
    IReadOnlyList<StatusTotal> ByStatus);

/// <summary>One row of a transition matrix: accounts that were <c>Before</c> (null: new in the book) by their later status.</summary>
public sealed record TransitionRow(string? Before, IReadOnlyDictionary<string, int> After, int Accounts);

/// <summary>Accounts by (earlier status, later status) between two saved snapshots.</summary>
public sealed record TransitionsResponse(DateOnly From, DateOnly To, string FromPolicyVersion, string ToPolicyVersion, int Changed, int Appeared, IReadOnlyList<TransitionRow> Rows);

/// <summary>/api/classification: the book's status totals and the transitions between saved snapshots (aggregates: every role).</summary>
public static class ClassificationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/classification").WithTags("Classification");
        group.MapGet("/summary", Summary).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Accounts, key accounts and revenue by status, with shares, from the latest saved snapshot (or the latest on or before asOf)");
        group.MapGet("/transitions", Transitions).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Transition matrix between two saved snapshots: the latest on or before 'from' and the latest on or before 'to' (default: the last two)");
    }

    /// <param name="asOf">Read the latest snapshot saved on or before this date (default: the latest).</param>
    internal static Results<Ok<ClassificationSummary>, ProblemHttpResult> Summary(WorkspaceDb db, SnapshotQueries snapshots, SnapshotTransitions transitions, DateOnly? asOf = null)
    {
        var snapshot = asOf is { } date ? transitions.OnOrBefore(date) : snapshots.Latest();
        if (snapshot is null)
        {
            return TypedResults.Problem(Problems.NotFound(NoSnapshot(asOf)));
        }

        var totals = snapshots.Totals(snapshot.Id);
        var accounts = totals.Sum(t => t.Accounts);
        var revenue = totals.Sum(t => t.Revenue12m);
        return TypedResults.Ok(new ClassificationSummary(
            snapshot.AsOf, snapshot.PolicyVersionId, snapshot.PolicyNumber, snapshot.SavedAtUtc, WorkspaceBook.ReportingCurrency(db) ?? "",
            accounts, totals.Sum(t => t.KeyAccounts), revenue, Math.Round(snapshot.CompanyCycleDays, 1),
            [.. totals.Select(t => new StatusTotal(t.Status.Code(), t.Accounts, Share(t.Accounts, accounts), t.KeyAccounts, t.Revenue12m, Share(t.Revenue12m, revenue)))]));
    }

    /// <param name="from">The earlier snapshot: the latest saved on or before this date (default: the one before 'to').</param>
    /// <param name="to">The later snapshot: the latest saved on or before this date (default: the latest).</param>
    internal static Results<Ok<TransitionsResponse>, ValidationProblem, ProblemHttpResult> Transitions(
        SnapshotQueries snapshots, SnapshotTransitions transitions, DateOnly? from = null, DateOnly? to = null)
    {
        if (from is { } f && to is { } t && f > t)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["'from' must not be after 'to'"] });
        }

        var later = to is { } last ? transitions.OnOrBefore(last) : snapshots.Latest();
        if (later is null)
        {
            return TypedResults.Problem(Problems.NotFound(NoSnapshot(to)));
        }

        var earlier = from is { } first ? transitions.OnOrBefore(first) : transitions.Before(later);
        if (earlier is null || earlier.Id == later.Id)
        {
            return TypedResults.Problem(Problems.NotFound(
                $"transitions need two different saved snapshots: the later one is {later.AsOf:yyyy-MM-dd}, and none is saved {(from is { } x ? $"on or before {x:yyyy-MM-dd} that differs from it" : "before it")}"));
        }

        var m = transitions.Between(earlier, later);
        var statuses = LifecycleStatusCodes.All;
        var rows = statuses.Select(b => Row(b.Code(), statuses.Select(a => m[b, a]).ToArray())).ToList();
        rows.Add(Row(null, [.. m.Appeared]));
        return TypedResults.Ok(new TransitionsResponse(earlier.AsOf, later.AsOf, earlier.PolicyVersionId, later.PolicyVersionId, m.Changed, m.Appeared.Sum(), rows));
    }

    private static TransitionRow Row(string? before, int[] counts) =>
        new(before, LifecycleStatusCodes.All.Select((s, i) => (s, i)).ToDictionary(x => x.s.Code(), x => counts[x.i], StringComparer.Ordinal), counts.Sum());

    private static string NoSnapshot(DateOnly? date) => date is { } d
        ? $"no classification snapshot is saved on or before {d:yyyy-MM-dd}"
        : "no classification is saved yet: the nightly job saves one (or rekindle classify --save)";

    private static double Share(decimal part, decimal whole) => whole == 0 ? 0 : Math.Round((double)(part / whole), 6);
}
