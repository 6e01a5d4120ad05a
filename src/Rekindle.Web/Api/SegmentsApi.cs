using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rekindle.App.Reactivation;
using Rekindle.App.Workspace;
using Rekindle.Lifecycle;
using Rekindle.Reactivation;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Api;

/// <summary>A cell of the segment matrix; an axis summed over is null (and <c>*</c> in the code).</summary>
public sealed record SegmentCellItem(string Segment, string? Band, string? Tier, string? Channels, int Accounts, int KeyAccounts, int Passive, int Inactive, int Dormant, decimal RevenueAtStake);

/// <summary>One lapsed account's segment, play and favourite lapsed product.</summary>
public sealed record SegmentAccountItem(
    string AccountId,
    string Name,
    string Owner,
    string Status,
    bool Key,
    DateOnly LastOrderOn,
    int DaysSinceLastOrder,
    string Band,
    string Tier,
    string Channels,
    string Segment,
    decimal LifetimeSpend,
    decimal AverageAnnualSpend,
    decimal RevenueAtStake,
    string? Play,
    string? Favourite,
    string? FavouriteLevel);

/// <summary>Downtime bands: edges in days and their labels; auto when measured from the book.</summary>
public sealed record BandsItem(bool Auto, IReadOnlyList<int> EdgesDays, IReadOnlyList<string> Labels);

/// <summary>Spend tiers by average annual spend: big from, medium from; from the policy's cut points or its shares.</summary>
public sealed record TierCutsItem(string Source, decimal BigFrom, decimal MediumFrom);

/// <summary>The lapsed accounts as of a date on the three axes: the matrix and a page of the accounts (a rep: own accounts only).</summary>
public sealed record SegmentsResponse(
    DateOnly AsOf,
    string PolicyVersion,
    string Currency,
    BandsItem Bands,
    TierCutsItem TierCuts,
    SegmentCellItem Total,
    IReadOnlyList<SegmentCellItem> ByBandAndTier,
    IReadOnlyList<SegmentCellItem> ByChannels,
    IReadOnlyList<SegmentCellItem> Cells,
    int AccountsTotal,
    int Page,
    int PageSize,
    IReadOnlyList<SegmentAccountItem> Accounts);

/// <summary>/api/segments: what <c>rekindle segments</c> computes, as JSON. Reps see the matrix of their own lapsed accounts.</summary>
public static class SegmentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/segments", Get).WithTags("Segments")
            .WithSummary("Lapsed accounts as of a date by downtime band, spend tier and reachable channels: the matrix and the accounts by revenue at stake, with their play");
    }

    /// <param name="asOf">Segment as of this date (default today).</param>
    /// <param name="segment">Only accounts in this segment: a code (181-365d/big/email) or a filter (status=passive|inactive,tier=big).</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 to 500 (default 50).</param>
    internal static Results<Ok<SegmentsResponse>, ValidationProblem> Get(
        ClaimsPrincipal user, WorkspaceDb db, WorkspacePolicies policies, ClassifiedBookCache cache, WebClock clock, DateOnly? asOf = null, string? segment = null, int page = 1, int pageSize = 50)
    {
        var problems = new Dictionary<string, string[]>();
        Func<AccountSegment, bool> matches = _ => true;
        if (segment is not null && !SegmentSelector.TryParse(segment, out matches, out var error))
        {
            problems["segment"] = [$"'{segment}' {error}"];
        }

        if (page < 1)
        {
            problems["page"] = ["pages count from 1"];
        }

        if (pageSize is < 1 or > SnapshotQueries.MaxPageSize)
        {
            problems["pageSize"] = [$"a page holds 1 to {SnapshotQueries.MaxPageSize} accounts"];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var s = WorkspaceSegments.Segment(db, policies.CurrentPolicy().Policy, asOf ?? clock.Today, cache: cache);
        var book = s.Segmented;
        var scope = user.OwnerScope(null);
        var visible = scope is null ? book.Accounts : [.. book.Accounts.Where(a => a.OwnerRepId == scope)];
        var matrix = scope is null ? book.Matrix : SegmentMatrix.Of(visible, book.Bands);
        var listed = visible.Where(matches).OrderByDescending(a => a.RevenueAtStake).ThenBy(a => a.AccountId, StringComparer.Ordinal).ToList();
        var items = listed.Skip(SnapshotQueries.Skip(page, pageSize)).Take(pageSize).Select(a =>
        {
            var favourite = SegmentsWriter.Favourite(book, s.Directory, a);
            return new SegmentAccountItem(
                a.AccountId, a.AccountName, a.OwnerRepId, a.Status.Code(), a.Key, a.LastOrderOn, a.DaysSinceLastOrder, a.BandLabel, a.Tier.Code(),
                a.Channels.Code(), a.SegmentCode, a.LifetimeSpend, a.AverageAnnualSpend, a.RevenueAtStake, a.PlayId,
                favourite?.Name, favourite is null ? null : favourite.Level == FavouriteLevel.Product ? "product" : "category");
        });
        return TypedResults.Ok(new SegmentsResponse(
            book.AsOf, book.PolicyVersion, s.Currency,
            new BandsItem(book.Bands.Auto, book.Bands.EdgesDays, book.Bands.Labels),
            new TierCutsItem(book.TierCutsFromPolicy ? "policy" : "shares", book.TierCuts.Big, book.TierCuts.Medium),
            Cell(matrix.Total), [.. matrix.Rollup(SegmentAxes.Band | SegmentAxes.Tier).Select(Cell)], [.. matrix.Rollup(SegmentAxes.Channels).Select(Cell)],
            [.. matrix.Cells.Select(Cell)], listed.Count, page, pageSize, [.. items]));
    }

    private static SegmentCellItem Cell(SegmentCell c) =>
        new(c.Code, c.BandLabel, c.Tier?.Code(), c.Channels?.Code(), c.Accounts, c.KeyAccounts, c.Passive, c.Inactive, c.Dormant, c.RevenueAtStake);
}
