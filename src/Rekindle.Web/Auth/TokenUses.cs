using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rekindle.Storage;

namespace Rekindle.Web.Auth;

/// <summary>
/// When each API token was last used, recorded outside the requests: a request notes the use in memory (at most once a
/// <see cref="Interval"/> per token) and <see cref="TokenUseWriter"/> writes the noted uses in one batch every
/// <see cref="Interval"/>. A token request so never takes the write lock, which on SQLite an import holds for its
/// whole length. The last-used time is therefore up to two intervals late, and a crash loses at most one batch.
/// </summary>
public sealed class TokenUses(TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<long, DateTime> pending = new();
    private readonly ConcurrentDictionary<long, DateTime> noted = new();

    /// <summary>Notes a use of the token now, unless one was noted less than <see cref="Interval"/> ago.</summary>
    public void Seen(long tokenId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (noted.TryGetValue(tokenId, out var last) && now - last < Interval)
        {
            return;
        }

        noted[tokenId] = now;
        pending[tokenId] = now;
    }

    /// <summary>Uses noted and not written yet.</summary>
    public int Pending => pending.Count;

    /// <summary>Writes the noted uses (one UPDATE a token, one transaction); uses that fail to write are kept for the next batch.</summary>
    public int Flush(WorkspaceDb db)
    {
        var batch = pending.ToArray();
        foreach (var (id, at) in batch)
        {
            pending.TryRemove(new KeyValuePair<long, DateTime>(id, at));
        }

        if (batch.Length == 0)
        {
            return 0;
        }

        try
        {
            using var transaction = db.Database.BeginTransaction();
            foreach (var (id, at) in batch)
            {
                db.ApiTokens.Where(t => t.Id == id && (t.LastUsedUtc == null || t.LastUsedUtc < at)).ExecuteUpdate(t => t.SetProperty(x => x.LastUsedUtc, at));
            }

            transaction.Commit();
            return batch.Length;
        }
        catch
        {
            foreach (var (id, at) in batch)
            {
                pending.TryAdd(id, at);
            }

            throw;
        }
    }
}

/// <summary>Writes the noted token uses every <see cref="TokenUses.Interval"/>, and once more when the server stops.</summary>
public sealed class TokenUseWriter(TokenUses uses, IServiceScopeFactory scopes, TimeProvider clock, ILogger<TokenUseWriter> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TokenUses.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Write();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last batch is written below.
        }

        Write();
    }

    private void Write()
    {
        try
        {
            using var scope = scopes.CreateScope();
            uses.Flush(scope.ServiceProvider.GetRequiredService<WorkspaceDb>());
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            log.LogWarning(e, "could not record when API tokens were last used; will try again");
        }
    }
}
