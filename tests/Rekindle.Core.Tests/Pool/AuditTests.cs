using System.Reflection;
using System.Runtime.CompilerServices;
using Rekindle.Pool;
using static Rekindle.Core.Tests.TestBook;

namespace Rekindle.Core.Tests.Pool;

/// <summary>The audit log only grows: no member updates or removes an event, and events are immutable.</summary>
public class AuditTests
{
    private static AuditEvent Event(string what) => new() { On = D("2026-01-01"), Actor = "R1", Action = AuditAction.ClaimGranted, What = what };

    [Fact]
    public void Append_ToLog_ReturnsLongerLogLeavesOriginal()
    {
        var one = AuditLog.Empty.Append([Event("a")]);
        var two = one.Append([Event("b"), Event("c")]);
        Assert.Single(one);
        Assert.Equal(["a", "b", "c"], two.Select(e => e.What));
        Assert.Empty(AuditLog.Empty);
    }

    [Fact]
    public void AuditLog_PublicSurface_HasNoWayToUpdateOrDelete()
    {
        var methods = typeof(AuditLog).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["Append", "GetEnumerator", "get_Count", "get_Empty", "get_Item"], methods);
        Assert.DoesNotContain(typeof(AuditLog).GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>));
    }

    [Fact]
    public void AuditEvent_Properties_AreInitOnly()
    {
        foreach (var p in typeof(AuditEvent).GetProperties().Where(p => p.SetMethod is not null))
        {
            Assert.Contains(typeof(IsExternalInit), p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers());
        }
    }

    [Fact]
    public void Codes_EveryEnumValue_HasDistinctSnakeCaseCodeThatParses()
    {
        foreach (var rule in Enum.GetValues<RefusalRule>())
        {
            Assert.True(PoolCodes.TryParse(PoolCodes.Of(rule), out RefusalRule back) && back == rule);
        }

        foreach (var action in Enum.GetValues<AuditAction>())
        {
            Assert.True(PoolCodes.TryParse(PoolCodes.Of(action), out AuditAction back) && back == action);
        }

        foreach (var reason in Enum.GetValues<ReleaseReason>())
        {
            Assert.True(PoolCodes.TryParse(PoolCodes.Of(reason), out ReleaseReason back) && back == reason);
        }

        Assert.Equal(Enum.GetValues<RefusalRule>().Length, PoolCodes.AllRefusalRules.Distinct().Count());
        Assert.All(PoolCodes.AllRefusalRules, c => Assert.Matches("^[a-z]+(_[a-z]+)*$", c));
    }
}
