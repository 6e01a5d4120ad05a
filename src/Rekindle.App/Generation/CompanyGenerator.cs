using System.Globalization;

namespace Rekindle.App.Generation;

/// <summary>
/// Writes a synthetic company (the CSV files of <see cref="GeneratedFiles"/>) that behaves like a real B2B
/// account base; see <see cref="CompanyModel"/> for how it behaves. Accounts are generated in batches:
/// the chunks of a batch in parallel, then numbered in account order and written in account order, so the
/// files are byte-identical for the same options whatever the number of threads, and memory stays bounded
/// by the batch whatever the number of accounts.
/// </summary>
public static class CompanyGenerator
{
    private const int ChunkAccounts = 256;
    private const int ChunksPerBatch = 16;
    private const int BatchAccounts = ChunkAccounts * ChunksPerBatch;
    private const int FileBufferBytes = 1 << 20;
    private const string PartialSuffix = ".partial";

    /// <summary>
    /// Writes the company described by <paramref name="options"/> into <paramref name="directory"/> (created
    /// when missing; files of the same names are replaced). Files are written under temporary names and
    /// renamed at the end, so a failed or cancelled run leaves no half-written file behind.
    /// </summary>
    /// <param name="progress">Receives the number of accounts written so far, after each batch.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores. Does not change the output.</param>
    /// <exception cref="ArgumentException">The options are not valid (every problem is named).</exception>
    public static GenerationReport Generate(
        GeneratorOptions options,
        string directory,
        IProgress<int>? progress = null,
        int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid generator options: " + string.Join("; ", problems), nameof(options));
        }

        Directory.CreateDirectory(directory);
        var paths = GeneratedFiles.All.Select(f => Path.Combine(directory, f.File)).ToArray();
        var streams = new FileStream[paths.Length];
        try
        {
            for (var i = 0; i < paths.Length; i++)
            {
                streams[i] = new FileStream(paths[i] + PartialSuffix, FileMode.Create, FileAccess.Write, FileShare.None, FileBufferBytes);
                new Utf8Sink().Plain(string.Join(',', GeneratedFiles.All[i].Columns)).EndRow().WriteTo(streams[i]);
            }

            var report = Write(options, streams, progress, maxDegreeOfParallelism, cancellationToken);
            foreach (var stream in streams)
            {
                stream.Dispose();
            }

            for (var i = 0; i < paths.Length; i++)
            {
                File.Move(paths[i] + PartialSuffix, paths[i], overwrite: true);
            }

            return report;
        }
        catch
        {
            foreach (var (stream, path) in streams.Zip(paths))
            {
                stream?.Dispose();
                File.Delete(path + PartialSuffix);
            }

            throw;
        }
    }

    private static GenerationReport Write(
        GeneratorOptions options, FileStream[] files, IProgress<int>? progress, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var model = new CompanyModel(options);
        var repText = new Utf8Sink();
        var reps = 0;
        foreach (var rep in CompanyModel.Reps(options))
        {
            repText.Id("R", ++reps, model.Ids.Rep).Comma()
                .Text(rep.Name).Comma()
                .Plain(rep.Email).Comma()
                .Plain(rep.CommissionRate.ToString("0.0##", CultureInfo.InvariantCulture)).Comma()
                .Plain(rep.Active ? "true" : "false").EndRow();
        }

        repText.WriteTo(files[0]);

        // Two sets of chunks: one batch is written to disk while the next is generated and formatted.
        var sets = new[] { NewBatch(), NewBatch() };
        var writing = Task.CompletedTask;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        long contacts = 0, orders = 0, lines = 0, engagements = 0, opportunities = 0, churned = 0;
        try
        {
            for (var batchStart = 0; batchStart < options.Accounts; batchStart += BatchAccounts)
            {
                var first = batchStart;
                var chunks = sets[batchStart / BatchAccounts % 2];
                var used = Math.Min(ChunksPerBatch, (options.Accounts - batchStart + ChunkAccounts - 1) / ChunkAccounts);
                Parallel.For(0, used, parallel, i =>
                {
                    var from = first + (i * ChunkAccounts);
                    chunks[i].Generate(model, from, Math.Min(ChunkAccounts, options.Accounts - from));
                });

                foreach (var chunk in chunks.AsSpan(0, used))
                {
                    chunk.ContactBase = contacts + 1;
                    chunk.OrderBase = orders + 1;
                    chunk.EngagementBase = engagements + 1;
                    chunk.OpportunityBase = opportunities + 1;
                    contacts += chunk.Contacts.Count;
                    orders += chunk.Orders.Count;
                    lines += chunk.Lines.Count;
                    engagements += chunk.Engagements.Count;
                    opportunities += chunk.Opportunities.Count;
                }

                Parallel.For(0, used, parallel, i => chunks[i].Format(model));
                foreach (var chunk in chunks.AsSpan(0, used))
                {
                    churned += chunk.Churned;
                }

                writing.GetAwaiter().GetResult();
                if (batchStart > 0)
                {
                    progress?.Report(batchStart);
                }

                writing = Task.Run(() => WriteBatch(chunks, used, files), CancellationToken.None);
            }

            writing.GetAwaiter().GetResult();
            progress?.Report(options.Accounts);
        }
        catch
        {
            // Let a write in flight finish before the caller closes (and deletes) the files.
            try
            {
                writing.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }

            throw;
        }

        return new GenerationReport(reps, options.Accounts, contacts, orders, lines, engagements, opportunities, churned);
    }

    private static ChunkRows[] NewBatch() => [.. Enumerable.Range(0, ChunksPerBatch).Select(_ => new ChunkRows())];

    private static void WriteBatch(ChunkRows[] chunks, int used, FileStream[] files)
    {
        foreach (var chunk in chunks.AsSpan(0, used))
        {
            chunk.AccountText.WriteTo(files[1]);
            chunk.ContactText.WriteTo(files[2]);
            chunk.OrderText.WriteTo(files[3]);
            chunk.LineText.WriteTo(files[4]);
            chunk.EngagementText.WriteTo(files[5]);
            chunk.OpportunityText.WriteTo(files[6]);
            chunk.TruthText.WriteTo(files[7]);
        }
    }
}
