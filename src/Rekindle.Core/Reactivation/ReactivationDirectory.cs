namespace Rekindle.Reactivation;

/// <summary>
/// What reactivation needs beyond the lifecycle book: contacts, order lines and reps, grouped by account.
/// Contacts keep the order they were given in (the first listed is the primary contact); lines are sorted by
/// date, then order id. Built once by the edge from whatever storage holds; pure data afterwards.
/// </summary>
public sealed class ReactivationDirectory
{
    private static readonly Contact[] NoContacts = [];
    private static readonly OrderLine[] NoLines = [];

    private readonly Dictionary<string, Contact[]> contacts;
    private readonly Dictionary<string, OrderLine[]> lines;
    private readonly Dictionary<string, RepInfo> reps;

    private ReactivationDirectory(Dictionary<string, Contact[]> contacts, Dictionary<string, OrderLine[]> lines, Dictionary<string, RepInfo> reps)
    {
        this.contacts = contacts;
        this.lines = lines;
        this.reps = reps;
    }

    public static ReactivationDirectory Empty { get; } = Create([], [], []);

    public static ReactivationDirectory Create(IEnumerable<Contact> contacts, IEnumerable<OrderLine> lines, IEnumerable<RepInfo> reps)
    {
        var contactMap = contacts
            .GroupBy(c => c.AccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var lineMap = lines
            .GroupBy(l => l.AccountId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(l => l.OrderDate).ThenBy(l => l.OrderId, StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
        var repMap = new Dictionary<string, RepInfo>(StringComparer.Ordinal);
        foreach (var rep in reps)
        {
            repMap[rep.Id] = rep;
        }

        return new ReactivationDirectory(contactMap, lineMap, repMap);
    }

    public IReadOnlyList<Contact> ContactsOf(string accountId) =>
        contacts.TryGetValue(accountId, out var found) ? found : NoContacts;

    public ReadOnlySpan<OrderLine> LinesOf(string accountId) =>
        lines.TryGetValue(accountId, out var found) ? found : NoLines;

    public RepInfo? Rep(string repId) => reps.GetValueOrDefault(repId);

    /// <summary>The channels on which at least one of the account's contacts can be reached.</summary>
    public ChannelSet ReachableChannels(string accountId)
    {
        var set = ChannelSet.None;
        foreach (var contact in ContactsOf(accountId))
        {
            set |= contact.Usable();
        }

        return set;
    }
}
