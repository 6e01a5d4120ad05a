using Microsoft.Extensions.Time.Testing;
using Rekindle.App.Pool;
using Rekindle.App.Workspace;
using Rekindle.Common;
using Rekindle.Policies;
using Rekindle.Pool;

namespace Rekindle.Storage.Tests.Pooling;

/// <summary>A tiny builder for pool workspaces: reps, owned accounts (with their ownership rows), orders, a policy.</summary>
public static class PoolKit
{
    public static readonly FakeTimeProvider Clock = new(Rk.Today);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static void Reps(TestWorkspace workspace, IEnumerable<string> ids, decimal rate = 0.04m)
    {
        using var db = workspace.Open();
        db.Reps.AddRange(ids.Select(id => new Rep { RepId = id, Name = id, CommissionRate = rate, Active = true }));
        db.SaveChanges();
    }

    /// <summary>Accounts created on 2024-01-01, owned by <paramref name="owner"/> since then, each with one contact.</summary>
    public static void Accounts(TestWorkspace workspace, string owner, IEnumerable<string> ids)
    {
        using var db = workspace.Open();
        var created = D("2024-01-01");
        foreach (var id in ids)
        {
            db.Accounts.Add(new Account { AccountId = id, Name = "Company " + id, CreatedOn = created, OwnerRepId = owner });
            db.Ownerships.Add(new Ownership { AccountId = id, RepId = owner, FromDate = created, Reason = OwnershipReasons.Assigned });
            db.Contacts.Add(new Contact { ContactId = "C-" + id, AccountId = id, Name = "Pat " + id, Role = "buyer", Email = $"pat@{id.ToLowerInvariant()}.example" });
        }

        db.SaveChanges();
    }

    public static void Order(TestWorkspace workspace, string id, string account, string on, decimal amount, OrderStatus status = OrderStatus.Booked)
    {
        using var db = workspace.Open();
        db.Orders.Add(new Order { OrderId = id, AccountId = account, OrderDate = D(on), Amount = amount, Currency = "USD", ReportingAmount = amount, Status = status });
        db.SaveChanges();
    }

    public static void SetPolicy(TestWorkspace workspace, Policy policy)
    {
        using var db = workspace.Open();
        new WorkspacePolicies(db, Clock).Set(policy, "test", "test");
    }

    /// <summary>Deactivates <paramref name="rep"/> to the pool on <paramref name="on"/>: all their accounts are pooled.</summary>
    public static void PoolAll(TestWorkspace workspace, string rep, string on)
    {
        using var db = workspace.Open();
        Assert.True(new PoolActions(db, Clock).Deactivate(rep, Handover.ToPool, "manager", D(on)).Granted);
    }

    public static PoolOutcome<ClaimGranted> Claim(TestWorkspace workspace, string account, string rep, string on)
    {
        using var db = workspace.Open();
        return new PoolActions(db, Clock).Claim(account, rep, D(on));
    }

    public static PoolOutcome<PoolEntry> Release(TestWorkspace workspace, string account, string rep, string on, string why = "no fit")
    {
        using var db = workspace.Open();
        return new PoolActions(db, Clock).Release(account, rep, why, D(on));
    }
}
