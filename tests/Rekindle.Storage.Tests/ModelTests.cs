using Microsoft.EntityFrameworkCore;
using Rekindle.Common;

namespace Rekindle.Storage.Tests;

/// <summary>The model, its migrations and its storage rules, on both providers.</summary>
public class ModelTests
{
    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [InlineData(WorkspaceProvider.Postgres)]
    public void Migrations_CoverEveryModelChange(WorkspaceProvider provider)
    {
        // No server needed: the model is compared with the provider's last migration snapshot.
        using WorkspaceDb db = provider == WorkspaceProvider.Sqlite
            ? new SqliteWorkspaceDb(SqliteWorkspaceDb.Options("Data Source=:memory:"))
            : new PostgresWorkspaceDb(PostgresWorkspaceDb.Options("Host=localhost;Database=unused"));
        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changes no {provider} migration covers: add one with dotnet ef migrations add NAME --context {db.GetType().Name} " +
            $"--output-dir Migrations/{provider} --project src/Rekindle.Storage");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Open_NewWorkspace_IsCreatedAndMigrated(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var db = workspace.Open();
        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        Assert.Equal(0, db.Accounts.Count());
        using var again = workspace.Open();
        Assert.Equal(db.Database.GetAppliedMigrations(), again.Database.GetAppliedMigrations());
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void AuditLog_ChangeOrDelete_IsRefused(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var db = workspace.Open();
        var entry = new AuditEntry { AtUtc = Rk.Today.UtcDateTime, Actor = "ann", Action = "test", Entity = "accounts", EntityId = "A1", Details = "x" };
        db.AuditLog.Add(entry);
        db.SaveChanges();

        entry.Details = "rewritten";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();

        // The database refuses too, whoever writes SQL.
        Assert.ThrowsAny<Exception>(() => db.Database.ExecuteSqlRaw("UPDATE audit_log SET details = 'rewritten'"));
        Assert.ThrowsAny<Exception>(() => db.Database.ExecuteSqlRaw("DELETE FROM audit_log"));
        Assert.Equal("x", db.AuditLog.AsNoTracking().Single().Details);
        Assert.Equal(DateTimeKind.Utc, db.AuditLog.AsNoTracking().Single().AtUtc.Kind);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Money_IsSummedAndSortedExactlyInSql(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        using var db = workspace.Open();
        db.Accounts.Add(new Account { AccountId = "A1", CreatedOn = new DateOnly(2026, 1, 1) });
        decimal[] amounts = [9.99m, 100.5m, 10.00m, 0.0001m, 1234567.8912m];
        for (var i = 0; i < amounts.Length; i++)
        {
            db.Orders.Add(new Order { OrderId = $"O{i}", AccountId = "A1", OrderDate = new DateOnly(2026, 1, 1 + i), Amount = amounts[i], Currency = "USD", ReportingAmount = amounts[i], Status = OrderStatus.Booked });
        }

        db.SaveChanges();
        db.ChangeTracker.Clear();
        Assert.Equal(amounts.Order(), db.Orders.OrderBy(o => o.Amount).Select(o => o.Amount).ToList());
        Assert.Equal(amounts.Sum(), db.Orders.Sum(o => o.ReportingAmount));
        Assert.Equal(2, db.Orders.Count(o => o.Amount > 10m && o.Amount < 2_000_000m));
        Assert.Equal(new DateOnly(2026, 1, 5), db.Orders.Max(o => o.OrderDate));
    }
}
