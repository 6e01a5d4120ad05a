using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rekindle.Common;
using Rekindle.Lifecycle;

namespace Rekindle.Storage;

/// <summary>decimal ↔ ten-thousandths in a bigint (see <see cref="Money"/>).</summary>
internal sealed class MoneyConverter() : ValueConverter<decimal, long>(v => Money.ToStored(v), v => Money.FromStored(v));

/// <summary>Timestamps are UTC: stored as such, read back with <see cref="DateTimeKind.Utc"/>.</summary>
internal sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

// Enums are stored as the snake_case codes used in files, so the tables read well in SQL.
internal sealed class OrderStatusConverter() : ValueConverter<OrderStatus, string>(v => Codes.Of(v), v => StoredCodes.OrderStatus(v));

internal sealed class EngagementKindConverter() : ValueConverter<EngagementKind, string>(v => Codes.Of(v), v => StoredCodes.EngagementKind(v));

internal sealed class DirectionConverter() : ValueConverter<Direction, string>(v => Codes.Of(v), v => StoredCodes.Direction(v));

internal sealed class StatusConverter() : ValueConverter<LifecycleStatus, string>(v => v.Code(), v => StoredCodes.Status(v));

internal sealed class CycleBasisConverter() : ValueConverter<CycleBasis, string>(v => v.Code(), v => StoredCodes.Basis(v));

/// <summary>Parses stored codes back; a code that does not parse means the database was edited by hand.</summary>
internal static class StoredCodes
{
    public static OrderStatus OrderStatus(string code) =>
        Codes.TryParse(code, out OrderStatus v) ? v : throw Bad(code, "order status");

    public static EngagementKind EngagementKind(string code) =>
        Codes.TryParse(code, out EngagementKind v) ? v : throw Bad(code, "engagement kind");

    public static Direction Direction(string code) =>
        Codes.TryParse(code, out Direction v) ? v : throw Bad(code, "direction");

    public static LifecycleStatus Status(string code) =>
        LifecycleStatusCodes.TryParse(code, out var v) ? v : throw Bad(code, "lifecycle status");

    public static CycleBasis Basis(string code) => code switch
    {
        "own" => CycleBasis.Own,
        "company" => CycleBasis.Company,
        "fixed" => CycleBasis.Fixed,
        _ => throw Bad(code, "cycle basis"),
    };

    private static InvalidOperationException Bad(string code, string what) => new($"The workspace holds an unknown {what} '{code}'.");
}
