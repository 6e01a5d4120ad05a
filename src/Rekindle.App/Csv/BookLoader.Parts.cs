using Rekindle.Common;

namespace Rekindle.App.Csv;

public static partial class BookLoader
{
    /// <summary>What a reader of one part of a file found of its ids: their hashes, and whether they rise (its rows are in the subclasses).</summary>
    private abstract class Part(int lines) : IReusablePart
    {
        public RisingIds Ids { get; } = new();

        public PartColumn<ulong> Hashes { get; } = new(lines);

        public virtual void Clear()
        {
            Ids.Clear();
            Hashes.Clear();
        }

        public void Id(ReadOnlySpan<char> id)
        {
            if (!id.IsEmpty)
            {
                Hashes.Add(DuplicateIds.Hash(id));
                Ids.Note(id);
            }
        }
    }

    /// <summary>A part's orders as columns, added to the builder in one call; their ids too when order lines will be joined to them.</summary>
    private sealed class OrderPart(int lines, bool keepIds) : Part(lines)
    {
        public PartColumn<int> Accounts { get; } = new(lines);
        public PartColumn<int> Days { get; } = new(lines);
        public PartColumn<decimal> Amounts { get; } = new(lines);
        public PartColumn<OrderStatus> Statuses { get; } = new(lines);
        public List<string>? OrderIds { get; } = keepIds ? [] : null;

        public override void Clear()
        {
            base.Clear();
            Accounts.Clear();
            Days.Clear();
            Amounts.Clear();
            Statuses.Clear();
            OrderIds?.Clear();
        }

        public void Add(int account, DateOnly date, decimal amount, OrderStatus status, ReadOnlySpan<char> id)
        {
            Accounts.Add(account);
            Days.Add(date.DayNumber);
            Amounts.Add(amount);
            Statuses.Add(status);
            OrderIds?.Add(id.ToString());
        }
    }

    /// <summary>A part's engagements as columns, added to the builder in one call.</summary>
    private sealed class EngagementPart(int lines) : Part(lines)
    {
        public PartColumn<int> Accounts { get; } = new(lines);
        public PartColumn<int> Days { get; } = new(lines);
        public PartColumn<EngagementKind> Kinds { get; } = new(lines);

        public override void Clear()
        {
            base.Clear();
            Accounts.Clear();
            Days.Clear();
            Kinds.Clear();
        }

        public void Add(int account, DateOnly date, EngagementKind kind)
        {
            Accounts.Add(account);
            Days.Add(date.DayNumber);
            Kinds.Add(kind);
        }
    }

    /// <summary>Accounts and opportunities are fewer: a part keeps them as rows.</summary>
    private sealed class Rows<T>(int lines) : Part(lines)
    {
        public List<T> Items { get; } = new(Math.Min(lines, 1 << 18));

        public void Add(T row) => Items.Add(row);

        public override void Clear()
        {
            base.Clear();
            Items.Clear();
        }
    }
}
