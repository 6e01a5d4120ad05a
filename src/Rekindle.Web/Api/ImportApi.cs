using System.IO.Compression;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rekindle.App.Csv;
using Rekindle.App.Workspace;
using Rekindle.Storage;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Web.Api;

/// <summary>What one file of an import did (or, in a dry run, would do): skipped rows are left out on purpose (deleted records).</summary>
public sealed record ImportFileItem(string File, long Rows, long Inserted, long Updated, long Unchanged, long Skipped, string Encoding, IReadOnlyList<string> UnusedColumns);

/// <summary>
/// An import: the reporting currency and each file's counts (the same upload again: all unchanged). With dryRun nothing
/// was written and the counts say what the import would do; notes name files not read and conversions applied.
/// </summary>
public sealed record ImportResponse(string Currency, long Rows, long Inserted, long Updated, long Unchanged, IReadOnlyList<ImportFileItem> Files)
{
    public bool DryRun { get; init; }
    public long Skipped { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>One thing wrong with an uploaded file: where (file, line, column), the value, and why. Line 0: the file as a whole.</summary>
public sealed record ImportErrorItem(string File, int Line, string Column, string Value, string Reason);

/// <summary>
/// /api/import: upload the CSV folder format (several .csv files, or one .zip of them) and import it exactly as
/// <c>rekindle import DIR</c> does: one transaction, any bad row refuses the whole upload (400 listing file, line,
/// column, value and reason: the first 100 and the count) and leaves the workspace as it was; rows are upserted by
/// id, so the same upload twice changes nothing.
/// </summary>
public static class ImportApi
{
    /// <summary>The largest upload, and the most a zip may unpack to.</summary>
    public const long MaxUploadBytes = 1L << 30;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/import", Import).WithTags("Import")
            .RequireAuthorization(Can.Analyse)
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<ImportJobView>(StatusCodes.Status202Accepted)
            .WithSummary("Import CSV files of the folder format (accounts.csv, orders.csv, ...), or another system's export (source=salesforce|hubspot|shopify, or source=mapping with a mapping.json), as files or one zip: all or nothing; dryRun=true checks and counts, writes nothing; background=true queues it as a job (202, follow /api/import/jobs/{id}); errors name file, line, column and reason");
        api.MapGet("/import/jobs/{id}", (string id, ImportJobs jobs) => jobs.Find(id) is { } job ? Results.Ok(job) : Results.Problem(Problems.NotFound($"no import job {id} (jobs are kept until the server restarts)")))
            .WithTags("Import")
            .RequireAuthorization(Can.Analyse)
            .Produces<ImportJobView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A background import: queued, running (file and rows done), succeeded (its counts) or failed (its errors)");
    }

    internal static async Task<Results<Ok<ImportResponse>, Accepted<ImportJobView>, ProblemHttpResult>> Import(
        IFormFileCollection files, ClaimsPrincipal user, WorkspaceDb db, WebClock clock, ImportJobs jobs, CancellationToken cancellationToken,
        string? source = null, bool dryRun = false, string? currency = null, bool background = false)
    {
        var format = source?.ToLowerInvariant() switch
        {
            null or "" or "folder" => ImportFormat.Folder,
            "salesforce" => ImportFormat.Salesforce,
            "hubspot" => ImportFormat.HubSpot,
            "shopify" => ImportFormat.Shopify,
            "mapping" => ImportFormat.Mapped,
            _ => (ImportFormat?)null,
        };
        if (format is null)
        {
            return TypedResults.Problem(Problems.BadRequest("Unknown source", $"source '{source}': expected folder, salesforce, hubspot, shopify or mapping"));
        }

        var folder = Path.Combine(Path.GetTempPath(), "rekindle-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var queued = false;
        try
        {
            var unpacked = await Unpack(files, folder, format.Value == ImportFormat.Folder, cancellationToken);
            if (unpacked.Count > 0)
            {
                return Refused(unpacked, unpacked.Count, folder);
            }

            App.Workspace.Sources.ImportMapping? mapping = null;
            if (format.Value == ImportFormat.Mapped)
            {
                var mappingFile = Path.Combine(folder, "mapping.json");
                if (!File.Exists(mappingFile))
                {
                    return Refused([new InputError("mapping.json", 0, "", "", "source=mapping needs the mapping uploaded as mapping.json beside the files")], 1, folder);
                }

                mapping = App.Workspace.Sources.ImportMapping.Load(mappingFile);
                File.Delete(mappingFile);
            }

            var options = new ImportOptions { Actor = user.Email(), DryRun = dryRun, Currency = currency, Mapping = mapping };
            if (background)
            {
                var job = jobs.Enqueue(folder, format.Value, options, source ?? "folder");
                queued = true;
                return TypedResults.Accepted($"/api/import/jobs/{job.Id}", job);
            }

            var report = new WorkspaceImporter(db, clock.Provider).Import(format.Value, folder, options, cancellationToken);
            return TypedResults.Ok(Response(report, folder));
        }
        catch (InputException e)
        {
            return Refused(e.Errors.Kept, e.Errors.Count, folder);
        }
        finally
        {
            if (!queued)
            {
                Directory.Delete(folder, recursive: true); // a queued job deletes its folder when it ends
            }
        }
    }

    /// <summary>An import's report as the API returns it (the upload's temporary folder named "the upload").</summary>
    internal static ImportResponse Response(ImportReport report, string folder) => new(
        report.Currency, report.Rows, report.Inserted, report.Updated, report.Unchanged,
        [.. report.Files.Select(f => new ImportFileItem(f.File, f.Rows, f.Inserted, f.Updated, f.Unchanged, f.Skipped, f.Encoding, f.Unmapped))])
    {
        DryRun = report.DryRun,
        Skipped = report.Skipped,
        Notes = [.. report.Notes.Select(n => n.Replace(folder, "the upload", StringComparison.Ordinal))],
    };

    /// <summary>Writes the uploaded CSV files (or the zip's) into <paramref name="folder"/>; returns what is wrong with the upload itself.</summary>
    private static async Task<List<InputError>> Unpack(IFormFileCollection files, string folder, bool folderFormat, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var known = CsvSchema.All.Select(s => s.FileName).ToHashSet(StringComparer.Ordinal);
        void Check(string name)
        {
            if (folderFormat && !known.Contains(name))
            {
                errors.Add(new InputError(name, 0, "", "", $"not a file of the folder format ({string.Join(", ", known)})"));
            }
            else if (!folderFormat && !name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !name.Equals("mapping.json", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new InputError(name, 0, "", "", "an export's files are CSV files (and mapping.json for source=mapping)"));
            }
            else if (File.Exists(Path.Combine(folder, name)))
            {
                errors.Add(new InputError(name, 0, "", "", "uploaded twice"));
            }
        }

        if (files.Count == 0)
        {
            errors.Add(new InputError("(upload)", 0, "", "", "no file: upload the CSV files (multipart/form-data) or one zip of them"));
            return errors;
        }

        if (files.Count == 1 && files[0].FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = files[0].OpenReadStream();
            await using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            long unpacked = 0;
            foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0 && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)))
            {
                // Only the file name is kept: a zip of a folder works, and no entry can write outside the upload folder.
                var name = entry.Name;
                Check(name);
                unpacked += entry.Length;
                if (unpacked > MaxUploadBytes)
                {
                    errors.Add(new InputError(files[0].FileName, 0, "", "", $"unpacks to more than {MaxUploadBytes / (1 << 20)} MiB"));
                    return errors;
                }

                if (errors.Count == 0)
                {
                    await using var source = entry.Open();
                    await using var target = File.Create(Path.Combine(folder, name));
                    await source.CopyToAsync(target, cancellationToken);
                }
            }

            return errors;
        }

        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            Check(name);
            if (errors.Count == 0)
            {
                await using var target = File.Create(Path.Combine(folder, name));
                await file.CopyToAsync(target, cancellationToken);
            }
        }

        return errors;
    }

    private static ProblemHttpResult Refused(IReadOnlyList<InputError> errors, int count, string folder)
    {
        var problem = Problems.BadRequest("The import was refused", $"{count} error(s); nothing was imported (the first {Math.Min(count, InputErrors.Limit)} are listed)");
        problem.Extensions["errorCount"] = count;
        problem.Extensions["errors"] = errors.Take(InputErrors.Limit)
            .Select(e => new ImportErrorItem(e.File, e.Line, e.Column, e.Value, e.Reason.Replace(folder, "the upload", StringComparison.Ordinal)))
            .ToList();
        return TypedResults.Problem(problem);
    }
}
