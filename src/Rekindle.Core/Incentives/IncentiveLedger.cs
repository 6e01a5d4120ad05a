using System.Collections.Immutable;

namespace Rekindle.Incentives;

/// <summary>
/// The incentive ledger as a value: lines in the order they were booked, indexed by order. Append-only: a
/// correction is a new (reversal) line, never an edit. An edge may hold just the lines of the orders at hand
/// (<see cref="Of"/>); <see cref="HasOrder"/> is what keeps booking the same order twice from paying twice.
/// </summary>
public sealed class IncentiveLedger
{
    private readonly ImmutableList<LedgerLine> lines;
    private readonly ImmutableDictionary<string, ImmutableList<LedgerLine>> byOrder;

    private IncentiveLedger(ImmutableList<LedgerLine> lines, ImmutableDictionary<string, ImmutableList<LedgerLine>> byOrder)
    {
        this.lines = lines;
        this.byOrder = byOrder;
    }

    public static IncentiveLedger Empty { get; } = new([], ImmutableDictionary.Create<string, ImmutableList<LedgerLine>>(StringComparer.Ordinal));

    public static IncentiveLedger Of(IEnumerable<LedgerLine> lines) => Empty.Append(lines);

    public IReadOnlyList<LedgerLine> Lines => lines;

    public IncentiveLedger Append(IEnumerable<LedgerLine> more)
    {
        var all = lines.ToBuilder();
        var index = byOrder.ToBuilder();
        foreach (var line in more)
        {
            all.Add(line);
            index[line.OrderId] = index.TryGetValue(line.OrderId, out var existing) ? existing.Add(line) : [line];
        }

        return new IncentiveLedger(all.ToImmutable(), index.ToImmutable());
    }

    public IReadOnlyList<LedgerLine> LinesOf(string orderId) => byOrder.TryGetValue(orderId, out var l) ? l : [];

    public bool HasOrder(string orderId) => byOrder.ContainsKey(orderId);

    /// <summary>The sum of every line of an order (0.00 once it is refunded).</summary>
    public decimal NetOf(string orderId) => LinesOf(orderId).Sum(l => l.Amount);

    public Statement StatementFor(string repId, StatementPeriod period) => Statement.For(lines, repId, period);
}
