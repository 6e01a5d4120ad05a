using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.App.Csv;
using Rekindle.Storage;

namespace Rekindle.App.Workspace;

/// <summary>A field of a new rep that is wrong: the <see cref="Rep"/> property and why.</summary>
public sealed record RepFieldProblem(string Field, string Problem);

/// <summary>Why a rep was not added: the fields that are wrong, or (none of them) the id is taken.</summary>
public sealed record RepRefusal(IReadOnlyList<RepFieldProblem> Fields, string Message)
{
    /// <summary>The id is already a rep's (every field was fine).</summary>
    public bool IdTaken => Fields.Count == 0;

    public override string ToString() => Message;
}

/// <summary>
/// The workspace's sales reps without a CSV folder: add one, list them (a file of reps imports with
/// <see cref="WorkspaceImporter"/> and <see cref="ImportFormat.Reps"/>). Workspaces imported from CDNOW or Online
/// Retail have no reps until one is added, and the pool needs reps to claim. The CLI (<c>rekindle reps</c>) and the
/// API (<c>/api/reps</c>) both call this.
/// </summary>
public sealed class WorkspaceReps(WorkspaceDb db, TimeProvider clock)
{
    /// <summary>Every rep, by id.</summary>
    public IReadOnlyList<Rep> List() => [.. db.Reps.AsNoTracking().ToList().OrderBy(r => r.RepId, StringComparer.Ordinal)];

    /// <summary>Every problem with <paramref name="rep"/>'s fields, each under its property (the same limits as reps.csv).</summary>
    public static IReadOnlyList<RepFieldProblem> Check(Rep rep)
    {
        var problems = new List<RepFieldProblem>();
        if (string.IsNullOrWhiteSpace(rep.RepId))
        {
            problems.Add(new(nameof(Rep.RepId), "a rep needs an id"));
        }
        else if (rep.RepId.Length > Fields.MaxIdLength)
        {
            problems.Add(new(nameof(Rep.RepId), TooLong(rep.RepId, Fields.MaxIdLength)));
        }

        if (string.IsNullOrWhiteSpace(rep.Name))
        {
            problems.Add(new(nameof(Rep.Name), "a rep needs a name"));
        }
        else if (rep.Name.Length > Fields.MaxTextLength)
        {
            problems.Add(new(nameof(Rep.Name), TooLong(rep.Name, Fields.MaxTextLength)));
        }

        if (rep.Email.Length > Fields.MaxTextLength)
        {
            problems.Add(new(nameof(Rep.Email), TooLong(rep.Email, Fields.MaxTextLength)));
        }

        if (rep.CommissionRate is < 0m or > 1m || !Storage.Money.Fits(rep.CommissionRate))
        {
            problems.Add(new(nameof(Rep.CommissionRate), $"the commission rate must be in [0, 1] with at most {Storage.Money.Scale} decimal places, got {rep.CommissionRate.ToString(CultureInfo.InvariantCulture)}"));
        }

        return problems;
    }

    /// <summary>Adds <paramref name="rep"/> and records it in the audit log; returns the refusal when a field is bad or the id is taken.</summary>
    public RepRefusal? Add(Rep rep, string addedBy)
    {
        if (Check(rep) is { Count: > 0 } problems)
        {
            return new RepRefusal(problems, string.Join("; ", problems.Select(p => p.Problem)));
        }

        using var transaction = db.Database.BeginTransaction();
        if (db.Reps.Any(r => r.RepId == rep.RepId))
        {
            return new RepRefusal([], $"rep {rep.RepId} already exists");
        }

        db.Reps.Add(rep);
        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = addedBy,
            Action = "rep.add",
            Entity = "reps",
            EntityId = rep.RepId,
            Details = $"{rep.Name} <{rep.Email}>, commission {rep.CommissionRate.ToString(CultureInfo.InvariantCulture)}, {(rep.Active ? "active" : "inactive")}",
        });
        db.SaveChanges();
        transaction.Commit();
        db.ChangeTracker.Clear();
        return null;
    }

    private static string TooLong(string text, int max) =>
        $"too long: {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters (at most {max.ToString("N0", CultureInfo.InvariantCulture)})";
}
