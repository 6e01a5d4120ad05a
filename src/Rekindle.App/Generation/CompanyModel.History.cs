using Rekindle.Common;

namespace Rekindle.App.Generation;

/// <summary>One account's history: orders with their lines, engagements and opportunities.</summary>
internal sealed partial class CompanyModel
{
    private const double MedianOrderDollars = 450;
    private const double OrderValueSigma = 0.9;
    private const double MedianGapDays = 40;
    private const double GapSizeLink = 0.45;
    private const double GapSigma = 0.95;
    private const double MinGapDays = 6;
    private const double MaxGapDays = 400;
    private const double OccasionalShare = 0.15;
    private const double OccasionalMinGapDays = 120;
    private const double FirstOrderDelayMeanDays = 20;
    private const double TrialShare = 0.18;
    private const double TrialLifeMeanDays = 150;
    private const double LifeMeanDays = 4.5 * 365;
    private const double CancelledShare = 0.02;
    private const double RefundedShare = 0.01;
    private const double FavouriteShare = 0.8;
    private const double BrowserShare = 0.3;
    private const double WinBackShare = 0.4;

    /// <summary>Order frequency by month (Q4 uplift, summer and January lull); order value moves half as much.</summary>
    private static readonly double[] SeasonByMonth = [0.85, 0.9, 1.0, 1.0, 1.0, 0.95, 0.85, 0.85, 1.05, 1.15, 1.3, 1.25];

    private readonly double[] season;

    /// <summary>Generates the account's history and returns its drop-out day when on or before as-of, else NoDay.</summary>
    private int History(int index, ChunkRows rows, int industry, int created, bool legacy, bool prospect)
    {
        var rng = rows.Rng;
        var z = rng.Normal();
        var orderDollars = Math.Exp(Math.Log(MedianOrderDollars) + (OrderValueSigma * z));
        var gap = rng.Chance(OccasionalShare)
            ? Math.Exp(Math.Log(OccasionalMinGapDays) + (rng.NextDouble() * Math.Log(MaxGapDays / OccasionalMinGapDays)))
            : Math.Clamp(Math.Exp(Math.Log(MedianGapDays) - (GapSizeLink * z) + (GapSigma * rng.Normal())), MinGapDays, MaxGapDays);
        var shape = 1.5 + (4.5 * rng.NextDouble());
        var propensity = Math.Min(4.0, rng.LogNormal(0, 0.6) * Math.Exp(0.2 * z));
        var discount = Math.Round(Math.Clamp(0.04 + (0.03 * z) + (0.02 * rng.Normal()), 0, 0.2), 2);
        var first = legacy
            ? start + rng.Next((int)Math.Min(gap, asOf - start + 1))
            : created + (int)rng.Exponential(FirstOrderDelayMeanDays);
        var life = !legacy && rng.Chance(TrialShare) ? rng.Exponential(TrialLifeMeanDays) : rng.Exponential(LifeMeanDays);
        var buyer = !prospect && first <= asOf;
        var dropout = buyer ? first + 1 + (int)life : ChunkRows.NoDay;

        var favourites = Favourites(rng, rows.Scratch, industry);
        var orders = 0;
        for (var t = first; buyer && t < dropout && t <= asOf && orders < maxOrders; orders++)
        {
            Order(index, rows, t, orderDollars * (0.5 + (0.5 * season[t - start])), z, discount, favourites);
            t += Math.Max(1, (int)Math.Round(gap * rng.GammaMeanOne(shape) / season[t - start]));
        }

        var from = Math.Max(created, start);
        var aliveTo = Math.Min(asOf, dropout - 1);
        var engagement = new EngagementStream(rows, index, maxEngagements);
        var scale = buyer ? propensity : 0.4 * propensity;
        engagement.Add(EngagementKind.WebVisit, 8 * scale, from, aliveTo, 0);
        engagement.Add(EngagementKind.EmailOpen, 10 * scale, from, aliveTo, 1);
        engagement.Add(EngagementKind.EmailClick, 1.5 * scale, from, aliveTo, 1);
        engagement.Add(EngagementKind.CallAnswered, 1.5 * scale, from, aliveTo, 0.7);
        engagement.Add(EngagementKind.CallUnanswered, 1.5 * scale, from, aliveTo, 1);
        engagement.Add(EngagementKind.Meeting, 0.6 * scale, from, aliveTo, 0.8);
        engagement.Add(EngagementKind.SupportTicket, 1.0 * scale, from, aliveTo, 0);
        engagement.Add(EngagementKind.Event, 0.3 * scale, from, aliveTo, 0);

        var opportunities = 0;
        var opportunityRate = 0.35 * (1 + (0.5 * Math.Max(0, z)));
        for (var t = from + rng.Exponential(365 / opportunityRate); t <= aliveTo && opportunities < maxOpportunities; t += rng.Exponential(365 / opportunityRate))
        {
            Opportunity(index, rows, (int)t, 7 + rng.Exponential(50), 0.6, orderDollars);
            opportunities++;
        }

        if (dropout > asOf)
        {
            engagement.Sort();
            return ChunkRows.NoDay;
        }

        // Dropped out: some keep browsing and clicking for months, the rest go quiet within weeks;
        // marketing e-mails are still opened now and then and reps' calls mostly go unanswered.
        var tailEnd = (int)Math.Min(asOf, dropout + rng.Exponential(rng.Chance(BrowserShare) ? 270 : 20));
        var tail = Math.Sqrt(propensity);
        engagement.Add(EngagementKind.WebVisit, 8 * tail, dropout, tailEnd, 0);
        engagement.Add(EngagementKind.EmailClick, 3 * tail, dropout, tailEnd, 1);
        engagement.Add(EngagementKind.SupportTicket, 0.5 * tail, dropout, tailEnd, 0);
        engagement.Add(EngagementKind.Event, 0.3 * tail, dropout, tailEnd, 0);
        engagement.Add(EngagementKind.Meeting, 0.2 * tail, dropout, tailEnd, 0.8);
        engagement.Add(EngagementKind.EmailOpen, 4 * propensity, dropout, asOf, 1);
        engagement.Add(EngagementKind.CallUnanswered, 1.0, dropout, asOf, 1);
        engagement.Add(EngagementKind.CallAnswered, 0.12, dropout, asOf, 1);
        engagement.Sort();

        if (dropout + 45 <= asOf && rng.Chance(WinBackShare) && opportunities < maxOpportunities)
        {
            var opened = dropout + 45 + rng.Next(365);
            if (opened <= asOf)
            {
                Opportunity(index, rows, opened, 14 + rng.Exponential(90), 0, orderDollars);
            }
        }

        return dropout;
    }

    private void Order(int index, ChunkRows rows, int day, double dollars, double z, double discount, ReadOnlySpan<int> favourites)
    {
        var rng = rows.Rng;
        var value = dollars * rng.LogNormal(0, 0.45);
        var lineCount = 1 + Math.Min(7, rng.Poisson(0.7 + (0.4 * Math.Max(0, z))));
        Span<double> weights = stackalloc double[lineCount];
        var total = 0.0;
        for (var i = 0; i < lineCount; i++)
        {
            weights[i] = 0.2 + rng.NextDouble();
            total += weights[i];
        }

        var firstLine = rows.Lines.Count;
        var cents = 0L;
        for (var i = 0; i < lineCount; i++)
        {
            var product = rng.Chance(FavouriteShare) ? favourites[rng.Next(favourites.Length)] : rng.Next(Catalog.Products.Length);
            while (InOrder(rows, firstLine, product))
            {
                product = (product + 1) % Catalog.Products.Length;
            }

            var unit = (long)Math.Round(Catalog.Products[product].ListCents * (1 - discount));
            var quantity = (int)Math.Clamp(Math.Round(value * weights[i] / total * 100 / unit), 1, 100_000);
            rows.Lines.Add(new LineRow(product, quantity, unit));
            cents += unit * quantity;
        }

        var u = rng.NextDouble();
        var status = u < CancelledShare ? OrderStatus.Cancelled : u < CancelledShare + RefundedShare ? OrderStatus.Refunded : OrderStatus.Booked;
        rows.Orders.Add(new OrderRow(index, day, cents, status, firstLine, lineCount));
    }

    private static bool InOrder(ChunkRows rows, int firstLine, int product)
    {
        for (var i = firstLine; i < rows.Lines.Count; i++)
        {
            if (rows.Lines[i].Product == product)
            {
                return true;
            }
        }

        return false;
    }

    private void Opportunity(int index, ChunkRows rows, int opened, double days, double winChance, double orderDollars)
    {
        var rng = rows.Rng;
        var closed = opened + (int)days;
        var stage = closed > asOf
            ? (asOf - opened) switch { < 21 => OpportunityStage.Qualification, < 60 => OpportunityStage.Proposal, _ => OpportunityStage.Negotiation }
            : rng.Chance(winChance) ? OpportunityStage.ClosedWon : OpportunityStage.ClosedLost;
        var dollars = Math.Max(1, Math.Round(orderDollars * (2 + (8 * rng.NextDouble())) / 100)) * 100;
        rows.Opportunities.Add(new OpportunityRow(index, opened, closed > asOf ? ChunkRows.NoDay : closed, stage, (long)dollars * 100));
    }

    /// <summary>The account's favourite products: 2 to 6, mostly from its industry's categories.</summary>
    private static ReadOnlySpan<int> Favourites(Rng rng, int[] scratch, int industry)
    {
        var count = rng.Next(2, 7);
        var home = Vocabulary.IndustryCategories[industry];
        for (var i = 0; i < count; i++)
        {
            var category = rng.Chance(0.8) ? home[rng.Next(home.Length)] : rng.Next(Catalog.Categories.Length);
            var products = Catalog.ByCategory[category];
            scratch[i] = products[rng.Next(products.Length)];
        }

        return scratch.AsSpan(0, count);
    }

    /// <summary>Poisson streams of engagements of one account, sorted by date when done.</summary>
    private readonly ref struct EngagementStream(ChunkRows rows, int account, int max)
    {
        private readonly int first = rows.Engagements.Count;

        public void Add(EngagementKind kind, double perYear, int from, int to, double outboundShare)
        {
            if (perYear <= 0 || to < from)
            {
                return;
            }

            var rng = rows.Rng;
            var mean = 365 / perYear;
            for (var t = from + rng.Exponential(mean); t < to + 1 && rows.Engagements.Count - first < max; t += rng.Exponential(mean))
            {
                var direction = rng.Chance(outboundShare) ? Direction.Outbound : Direction.Inbound;
                rows.Engagements.Add(new EngagementRow(account, EngagementRow.Pack((int)t, kind, direction)));
            }
        }

        public void Sort() =>
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows.Engagements)[first..]
                .Sort(static (a, b) => a.Key.CompareTo(b.Key));
    }
}
