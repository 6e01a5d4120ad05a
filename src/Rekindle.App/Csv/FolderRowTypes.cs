using Rekindle.Common;
using Rekindle.Reactivation;

namespace Rekindle.App.Csv;

/// <summary>A valid row of reps.csv.</summary>
internal readonly record struct RepRow(string Id, string Name, string Email, decimal CommissionRate, bool Active);

/// <summary>A valid row of accounts.csv; <see cref="OwnerRepId"/> is "" when the account has no owner.</summary>
internal readonly record struct AccountRow(string Id, string Name, string Industry, string Region, DateOnly CreatedOn, string OwnerRepId);

/// <summary>A valid row of contacts.csv; an address is "" when blank.</summary>
internal readonly record struct ContactRow(string Id, string AccountId, string Name, string Role, string Email, string Phone, string Social, string PostalAddress, ChannelSet OptOut);

/// <summary>A valid row of order_lines.csv; <see cref="Order"/> is the index its order's lookup gave.</summary>
internal readonly record struct LineRow(string OrderId, int Order, int LineNo, string Sku, string ProductName, string Category, int Quantity, decimal UnitPrice);

/// <summary>
/// A valid row of orders.csv, its text as spans of the row (read before the next row): millions of orders are read
/// with no object per row. <see cref="Account"/> is the index the account lookup gave.
/// </summary>
internal readonly ref struct OrderRow(ReadOnlySpan<char> id, ReadOnlySpan<char> accountId, int account, DateOnly date, decimal amount, ReadOnlySpan<char> currency, decimal rate, OrderStatus status)
{
    public ReadOnlySpan<char> Id { get; } = id;
    public ReadOnlySpan<char> AccountId { get; } = accountId;
    public int Account { get; } = account;
    public DateOnly Date { get; } = date;
    public decimal Amount { get; } = amount;
    public OrderStatus Status { get; } = status;

    /// <summary>Units of the reporting currency per unit of the order's.</summary>
    public decimal Rate { get; } = rate;

    /// <summary>The order's currency code as written.</summary>
    public ReadOnlySpan<char> Currency { get; } = currency;

    /// <summary>The order's currency code, in capitals (a new string).</summary>
    public string CurrencyCode() => Currency.ToString().ToUpperInvariant();

    /// <summary>The amount in the reporting currency, to the places the workspace keeps.</summary>
    public decimal ReportingAmount => Rate == 1m ? Amount : Storage.Money.Round(Amount * Rate);
}

/// <summary>A valid row of engagements.csv (text as spans of the row).</summary>
internal readonly ref struct EngagementRow(ReadOnlySpan<char> id, ReadOnlySpan<char> accountId, int account, DateOnly date, EngagementKind kind, Direction direction)
{
    public ReadOnlySpan<char> Id { get; } = id;
    public ReadOnlySpan<char> AccountId { get; } = accountId;
    public int Account { get; } = account;
    public DateOnly Date { get; } = date;
    public EngagementKind Kind { get; } = kind;
    public Direction Direction { get; } = direction;
}

/// <summary>A valid row of opportunities.csv (text as spans of the row); <see cref="Closed"/> is null while open.</summary>
internal readonly ref struct OpportunityRow(ReadOnlySpan<char> id, ReadOnlySpan<char> accountId, int account, DateOnly opened, DateOnly? closed, ReadOnlySpan<char> stage, decimal? amount)
{
    public ReadOnlySpan<char> Id { get; } = id;
    public ReadOnlySpan<char> AccountId { get; } = accountId;
    public int Account { get; } = account;
    public DateOnly Opened { get; } = opened;
    public DateOnly? Closed { get; } = closed;
    public ReadOnlySpan<char> Stage { get; } = stage;
    public decimal? Amount { get; } = amount;
}
