using Rekindle.Common;

namespace Rekindle.App.Generation;

internal record struct AccountRow(int Index, string Name, byte Industry, byte Region, int CreatedDay, int Owner, int ChurnDay);

internal record struct ContactRow(int Account, string Name, byte Role, string? Email, string? Phone, string? Social, string? Postal, byte OptOut);

internal record struct OrderRow(int Account, int Day, long Cents, OrderStatus Status, int FirstLine, int LineCount);

internal record struct LineRow(int Product, int Quantity, long UnitCents);

/// <summary>An engagement; <see cref="Key"/> packs day, kind and direction so sorting it sorts by date.</summary>
internal record struct EngagementRow(int Account, int Key)
{
    public static int Pack(int day, EngagementKind kind, Direction direction) => (day << 4) | ((int)kind << 1) | (int)direction;

    public readonly int Day => Key >> 4;

    public readonly EngagementKind Kind => (EngagementKind)((Key >> 1) & 7);

    public readonly Direction Direction => (Direction)(Key & 1);
}

internal record struct OpportunityRow(int Account, int Opened, int Closed, OpportunityStage Stage, long Cents);

internal enum OpportunityStage : byte
{
    Qualification,
    Proposal,
    Negotiation,
    ClosedWon,
    ClosedLost,
}

/// <summary>
/// The rows of a contiguous range of accounts, generated on one thread and then formatted to UTF-8 once
/// the ids before them are known. Reused from batch to batch, so memory stays bounded by the batch size.
/// </summary>
internal sealed class ChunkRows
{
    public const int NoDay = int.MaxValue;
    private static readonly string[] StageCodes = ["qualification", "proposal", "negotiation", "closed_won", "closed_lost"];
    private static readonly string[] ChannelCodes = [.. Codes.AllChannels];

    public Rng Rng { get; } = new(0, 0);

    public int[] Scratch { get; } = new int[16];

    public List<AccountRow> Accounts { get; } = [];
    public List<ContactRow> Contacts { get; } = [];
    public List<OrderRow> Orders { get; } = [];
    public List<LineRow> Lines { get; } = [];
    public List<EngagementRow> Engagements { get; } = [];
    public List<OpportunityRow> Opportunities { get; } = [];

    public Utf8Sink AccountText { get; } = new();
    public Utf8Sink ContactText { get; } = new();
    public Utf8Sink OrderText { get; } = new();
    public Utf8Sink LineText { get; } = new();
    public Utf8Sink EngagementText { get; } = new();
    public Utf8Sink OpportunityText { get; } = new();
    public Utf8Sink TruthText { get; } = new();

    /// <summary>The number of the first contact, order, engagement and opportunity of this chunk (1-based).</summary>
    public long ContactBase { get; set; }
    public long OrderBase { get; set; }
    public long EngagementBase { get; set; }
    public long OpportunityBase { get; set; }

    public int Churned { get; private set; }

    public void Generate(CompanyModel model, int firstAccount, int count)
    {
        Accounts.Clear();
        Contacts.Clear();
        Orders.Clear();
        Lines.Clear();
        Engagements.Clear();
        Opportunities.Clear();
        for (var a = firstAccount; a < firstAccount + count; a++)
        {
            model.Simulate(a, this);
        }
    }

    public void Format(CompanyModel model)
    {
        var ids = model.Ids;
        var dates = model.Dates;
        foreach (var sink in (ReadOnlySpan<Utf8Sink>)[AccountText, ContactText, OrderText, LineText, EngagementText, OpportunityText, TruthText])
        {
            sink.Clear();
        }

        Churned = 0;
        foreach (var a in Accounts)
        {
            AccountText.Id("A", a.Index + 1, ids.Account).Comma()
                .Text(a.Name).Comma()
                .Text(Vocabulary.Industries[a.Industry]).Comma()
                .Text(Vocabulary.Regions[a.Region].Name).Comma()
                .Date(dates, a.CreatedDay).Comma()
                .Id("R", a.Owner + 1, ids.Rep).EndRow();
            TruthText.Id("A", a.Index + 1, ids.Account).Comma();
            if (a.ChurnDay != NoDay)
            {
                TruthText.Date(dates, a.ChurnDay);
                Churned++;
            }

            TruthText.EndRow();
        }

        var number = ContactBase;
        foreach (var c in Contacts)
        {
            ContactText.Id("C", number++, ids.Contact).Comma()
                .Id("A", c.Account + 1, ids.Account).Comma()
                .Text(c.Name).Comma()
                .Text(Vocabulary.Roles[c.Role]).Comma()
                .Text(c.Email ?? "").Comma()
                .Text(c.Phone ?? "").Comma()
                .Text(c.Social ?? "").Comma()
                .Text(c.Postal ?? "").Comma();
            var separator = false;
            for (var channel = 0; channel < ChannelCodes.Length; channel++)
            {
                if ((c.OptOut & (1 << channel)) != 0)
                {
                    (separator ? ContactText.Byte((byte)';') : ContactText).Plain(ChannelCodes[channel]);
                    separator = true;
                }
            }

            ContactText.EndRow();
        }

        number = OrderBase;
        foreach (var o in Orders)
        {
            OrderText.Id("O", number, ids.Order).Comma()
                .Id("A", o.Account + 1, ids.Account).Comma()
                .Date(dates, o.Day).Comma()
                .Money(o.Cents).Comma()
                .Plain("USD").Comma()
                .Plain(Codes.Of(o.Status)).EndRow();
            for (var i = 0; i < o.LineCount; i++)
            {
                var line = Lines[o.FirstLine + i];
                var product = Catalog.Products[line.Product];
                LineText.Id("O", number, ids.Order).Comma()
                    .Integer(i + 1).Comma()
                    .Plain(product.Sku).Comma()
                    .Text(product.Name).Comma()
                    .Text(Catalog.Categories[product.Category]).Comma()
                    .Integer(line.Quantity).Comma()
                    .Money(line.UnitCents).EndRow();
            }

            number++;
        }

        number = EngagementBase;
        foreach (var e in Engagements)
        {
            EngagementText.Id("E", number++, ids.Engagement).Comma()
                .Id("A", e.Account + 1, ids.Account).Comma()
                .Date(dates, e.Day).Comma()
                .Plain(Codes.Of(e.Kind)).Comma()
                .Plain(Codes.Of(e.Direction)).EndRow();
        }

        number = OpportunityBase;
        foreach (var p in Opportunities)
        {
            OpportunityText.Id("OP", number++, ids.Opportunity).Comma()
                .Id("A", p.Account + 1, ids.Account).Comma()
                .Date(dates, p.Opened).Comma();
            if (p.Closed != NoDay)
            {
                OpportunityText.Date(dates, p.Closed);
            }

            OpportunityText.Comma()
                .Plain(StageCodes[(int)p.Stage]).Comma()
                .Money(p.Cents).EndRow();
        }
    }
}
