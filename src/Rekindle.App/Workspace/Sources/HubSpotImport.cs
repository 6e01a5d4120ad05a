using Rekindle.App.Csv;
using Rekindle.Common;
using Rekindle.Storage;

namespace Rekindle.App.Workspace.Sources;

/// <summary>
/// Imports HubSpot CSV exports of deals, and of companies and contacts when present, each file recognised by its
/// columns whatever its name (HubSpot names them per export: hubspot-crm-exports-all-deals-2025-12-01.csv). Keys are
/// Record IDs; owners are names, each a rep; won deals are orders on their close date, every deal an opportunity;
/// contacts' e-mail opt-outs and their dated activity columns (the latest of each kind) become contacts and engagements.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The tables are disposed by the using blocks of Run.")]
internal sealed class HubSpotImport(ImportRun run, string folder, CancellationToken cancellationToken)
{
    /// <summary>A contact's dated activity columns and the engagement each is: HubSpot keeps only the latest date of each.</summary>
    public static readonly IReadOnlyList<(string Column, string Key, EngagementKind Kind, Direction Direction)> ActivityColumns =
    [
        ("Last marketing email click date", "email-click", EngagementKind.EmailClick, Direction.Inbound),
        ("Recent Sales Email Replied Date", "email-reply", EngagementKind.EmailClick, Direction.Inbound),
        ("Recent Sales Email Clicked Date", "sales-email-click", EngagementKind.EmailClick, Direction.Inbound),
        ("Last marketing email open date", "email-open", EngagementKind.EmailOpen, Direction.Outbound),
        ("Recent Sales Email Opened Date", "sales-email-open", EngagementKind.EmailOpen, Direction.Outbound),
        ("Date of last meeting booked in meetings tool", "meeting", EngagementKind.Meeting, Direction.Inbound),
        ("Recent Conversion Date", "conversion", EngagementKind.WebVisit, Direction.Inbound),
        ("Last Engagement Date", "engagement", EngagementKind.WebVisit, Direction.Inbound),
    ];

    private static readonly string[] DealColumns = ["Record ID", "Close Date", "Create Date", "Is Closed Won"];
    private static readonly string[] DealOptional =
    [
        "Deal Name", "Deal Stage", "Amount", "Amount in company currency", "Deal owner", "Is Deal Closed?",
        "Associated Company IDs (Primary)", "Associated Company IDs", "Associated Company (Primary)",
    ];

    private static readonly string[] CompanyColumns = ["Record ID", "Company name"];
    private static readonly string[] CompanyOptional = ["Industry", "State/Region", "Country/Region", "Create Date", "Company owner"];
    private static readonly string[] ContactColumns = ["Record ID", "Associated Company IDs (Primary)"];
    private static readonly string[] ContactOptionalFixed =
    [
        "First Name", "Last Name", "Email", "Phone Number", "Job Title", "Contact owner", "Unsubscribed from all email", "Create Date", "Associated Company (Primary)",
    ];

    private readonly Dictionary<string, DateOnly> companiesSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> companyNames = new(StringComparer.Ordinal);
    private readonly SortedSet<string> owners = new(StringComparer.Ordinal);
    private string? deals;
    private string? companies;
    private string? contacts;
    private string[] contactOptional = ContactOptionalFixed;
    private List<(string Column, string Key, EngagementKind Kind, Direction Direction)> activities = [];
    private TableImport<Account>? accounts;

    public void Run()
    {
        var unused = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var header = Header(path);
            if (header.Contains("Is Closed Won") || header.Contains("Deal Stage"))
            {
                deals = Once(deals, path);
            }
            else if (header.Contains("Company name"))
            {
                companies = Once(companies, path);
            }
            else if (header.Contains("Record ID") && (header.Contains("Email") || header.Contains("First Name")))
            {
                contacts = Once(contacts, path);
                activities = [.. ActivityColumns.Where(a => header.Contains(a.Column))];
                contactOptional = [.. ContactOptionalFixed, .. activities.Select(a => a.Column), .. header.Where(h => h.StartsWith("Opted out of email:", StringComparison.OrdinalIgnoreCase))];
            }
            else
            {
                unused.Add(Path.GetFileName(path));
            }
        }

        if (deals is null)
        {
            throw new InputException(folder, "no deals export (a CSV with Record ID, Deal Stage, Close Date, Is Closed Won): export Deals from HubSpot with all properties");
        }

        if (unused.Count > 0)
        {
            run.Notes.Add($"not read (not a HubSpot deals, companies or contacts export): {string.Join(", ", unused)}");
        }

        run.Currency ??= run.Options.Currency?.ToUpperInvariant();
        if (run.Currency is null)
        {
            throw new InputException("--currency", "a HubSpot export does not name the company currency: give it with --currency (the currency of \"Amount in company currency\")");
        }

        // Owners (names) and, without a companies export, the companies the deals and contacts name.
        Scan(deals, DealColumns, DealOptional, f =>
        {
            Owner(f.Text(8));
            if (companies is null && CompanyOf(f, 10, 11) is { } id)
            {
                Company(id, f.Text(12), ExportFields.Date(f, 2, required: false));
            }
        });
        if (companies is not null)
        {
            Scan(companies, CompanyColumns, CompanyOptional, f => Owner(f.Text(6)));
        }

        if (contacts is not null)
        {
            Scan(contacts, ContactColumns, contactOptional, f =>
            {
                Owner(f.Text(7));
                if (companies is null && f.Text(1) is { Length: > 0 } id)
                {
                    Company(id, f.Text(10), ExportFields.Date(f, 9, required: false));
                }
            });
        }

        if (run.Fatal)
        {
            return;
        }

        using var reps = new TableImport<Rep>(run, cancellationToken);
        var repCounts = run.Counts("owners (reps)");
        foreach (var name in owners)
        {
            repCounts.Rows++;
            reps.Upsert(new Rep { RepId = name, Name = name, Active = true }, 0, repCounts);
        }

        reps.Flush();
        using (accounts = new TableImport<Account>(run, cancellationToken))
        {
            using var ownerships = new OwnershipHistory(run, accounts);
            if (companies is not null)
            {
                File(companies, "accounts", CompanyColumns, CompanyOptional, accounts, ReadCompany, ownerships.Follow);
            }
            else
            {
                var counts = run.Counts("companies named by deals and contacts (accounts)");
                foreach (var (id, created) in companiesSeen.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    counts.Rows++;
                    accounts.Upsert(new Account { AccountId = id, Name = companyNames.GetValueOrDefault(id, ""), CreatedOn = created }, 0, counts);
                }

                accounts.Flush();
            }

            ownerships.Complete();

            if (contacts is not null)
            {
                using var contactTable = new TableImport<Contact>(run, cancellationToken);
                File(contacts, "contacts", ContactColumns, contactOptional, contactTable, ReadContact);
            }

            using (var orders = new TableImport<Order>(run, cancellationToken))
            {
                File(deals, "won: orders", DealColumns, DealOptional, orders, ReadWonDeal);
                run.SaveCurrency();
            }

            if (contacts is not null)
            {
                using var engagements = new TableImport<Engagement>(run, cancellationToken);
                foreach (var activity in activities)
                {
                    File(contacts, $"{activity.Column}: {Codes.Of(activity.Kind)}", ContactColumns, contactOptional, engagements, f => ReadActivity(f, activity));
                }
            }

            using var opportunities = new TableImport<Opportunity>(run, cancellationToken);
            File(deals, "opportunities", DealColumns, DealOptional, opportunities, ReadDeal);
        }
    }

    private static HashSet<string> Header(string path)
    {
        using var f = CsvFile.OpenExport(path, Path.GetFileName(path), [], [], new InputErrors());
        return f is null ? [] : new HashSet<string>(f.Unmapped, StringComparer.OrdinalIgnoreCase);
    }

    private static string Once(string? already, string path) =>
        already is null ? path : throw new InputException(Path.GetFileName(path), $"a second export of the same kind beside {Path.GetFileName(already)}: import one at a time");

    private void Owner(string name)
    {
        if (name.Length > 0)
        {
            owners.Add(name);
        }
    }

    private void Company(string id, string name, DateOnly? created)
    {
        var date = created ?? run.Today;
        companiesSeen[id] = companiesSeen.TryGetValue(id, out var seen) && seen < date ? seen : date;
        if (name.Length > 0)
        {
            companyNames.TryAdd(id, name);
        }
    }

    /// <summary>A deal's company: the primary association, else the first of the ';'-joined list.</summary>
    private static string? CompanyOf(CsvFile f, int primary, int all)
    {
        var id = f.Text(primary);
        if (id.Length > 0)
        {
            return id;
        }

        var first = f.Text(all).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first;
    }

    /// <summary>A first look at a file (owners, companies); its errors are reported once, by the pass that imports it.</summary>
    private static void Scan(string path, string[] required, string[] optional, Action<CsvFile> row)
    {
        using var f = CsvFile.OpenExport(path, Path.GetFileName(path), required, optional, new InputErrors());
        while (f is not null && f.Read())
        {
            row(f);
        }
    }

    private void File<T>(string path, string label, string[] required, string[] optional, TableImport<T> table, Func<CsvFile, T?> read, Action<T, Upserted>? after = null)
        where T : class => FileRows.ImportExport(run, path, $"{Path.GetFileName(path)} ({label})", required, optional, table, read, after);

    private Account? ReadCompany(CsvFile f)
    {
        var id = f.Required(0);
        var created = ExportFields.Date(f, 5, required: false) ?? run.Today;
        var region = f.Text(3).Length > 0 ? f.Text(3) : f.Text(4);
        return id is null ? null : new Account
        {
            AccountId = id,
            Name = f.Text(1),
            Industry = f.Text(2),
            Region = region,
            CreatedOn = created,
            OwnerRepId = f.Text(6).Length > 0 ? f.Text(6) : null,
        };
    }

    private string? Account(CsvFile f, int primary, int all, int errorColumn)
    {
        var id = CompanyOf(f, primary, all);
        if (id is null)
        {
            return null; // a deal or contact of no company: skipped, counted
        }

        if (!accounts!.Contains(id))
        {
            f.Error(errorColumn, id, "unknown company (not in the companies export or the workspace)");
            return null;
        }

        return id;
    }

    private Contact? ReadContact(CsvFile f)
    {
        var id = f.Required(0);
        var account = Account(f, 1, 1, 1);
        var optedOut = ExportFields.Boolean(f, 8) == true;
        for (var column = ContactOptionalFixed.Length + activities.Count + 2; column < contactOptional.Length + 2; column++)
        {
            optedOut |= ExportFields.Boolean(f, column) == true;
        }

        return id is null || account is null ? null : new Contact
        {
            ContactId = id,
            AccountId = account,
            Name = string.Join(' ', new[] { f.Text(2), f.Text(3) }.Where(p => p.Length > 0)),
            Email = f.Text(4),
            Phone = f.Text(5),
            Role = f.Text(6),
            OptOutEmail = optedOut,
        };
    }

    private Engagement? ReadActivity(CsvFile f, (string Column, string Key, EngagementKind Kind, Direction Direction) activity)
    {
        var column = Array.IndexOf(contactOptional, activity.Column) + 2;
        if (!f.Has(column) || f.Span(column).IsEmpty)
        {
            return null;
        }

        var id = f.Required(0);
        var account = Account(f, 1, 1, 1);
        var date = ExportFields.Date(f, column);
        return id is null || account is null || date is null ? null : new Engagement
        {
            EngagementId = $"{id}/{activity.Key}",
            AccountId = account,
            Date = date.Value,
            Kind = activity.Kind,
            Direction = activity.Direction,
        };
    }

    private Order? ReadWonDeal(CsvFile f)
    {
        if (ExportFields.Boolean(f, 3) != true)
        {
            return null;
        }

        var id = f.Required(0);
        var account = Account(f, 10, 11, 10);
        var date = ExportFields.Date(f, 1);
        var amountColumn = f.Span(7).IsEmpty ? 6 : 7;
        var amount = ExportFields.Amount(f, amountColumn, required: true);
        if (amount < 0)
        {
            f.Error(amountColumn, f.Text(amountColumn), "a won deal cannot have a negative amount");
            return null;
        }

        return id is null || account is null || date is null || amount is null ? null : new Order
        {
            OrderId = id,
            AccountId = account,
            OrderDate = date.Value,
            Amount = amount.Value,
            Currency = run.Currency!,
            ReportingAmount = amount.Value,
            Status = OrderStatus.Booked,
        };
    }

    private Opportunity? ReadDeal(CsvFile f)
    {
        var id = f.Required(0);
        var account = Account(f, 10, 11, 10);
        var opened = ExportFields.Date(f, 2);
        var closed = ExportFields.Boolean(f, 9) == true || ExportFields.Boolean(f, 3) == true ? ExportFields.Date(f, 1, required: false) : null;
        if (opened is not null && closed is not null && closed < opened)
        {
            closed = opened;
        }

        var amountColumn = f.Span(7).IsEmpty ? 6 : 7;
        return id is null || account is null || opened is null ? null : new Opportunity
        {
            OpportunityId = id,
            AccountId = account,
            OpenedOn = opened.Value,
            ClosedOn = closed,
            Stage = f.Text(5),
            Amount = ExportFields.Amount(f, amountColumn, required: false),
        };
    }
}
