using System.Globalization;
using Rekindle.App.Csv;
using Rekindle.Common;
using Rekindle.Storage;

namespace Rekindle.App.Workspace.Sources;

/// <summary>
/// Imports any CSV export through an <see cref="ImportMapping"/>: each table read from its mapped file, field by field,
/// through the same row loop, checks, rejects and transaction as every other import (<see cref="FileRows"/>). Errors
/// name the source file, line and column, and the value as it is in the file.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The tables are disposed by the using blocks of Run.")]
internal sealed class MappedImport(ImportRun run, string folder, ImportMapping mapping, CancellationToken cancellationToken)
{
    private TableImport<Rep>? reps;
    private TableImport<Account>? accounts;

    public void Run()
    {
        var missing = mapping.Tables.Values.Select(t => t.File).Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        foreach (var file in missing)
        {
            run.Errors.Add(file, 0, "", "", $"the mapping's file is not in {folder}");
        }

        run.FatalIfNew(missing.Count > 0 ? 0 : run.Errors.Count);
        if (run.Fatal)
        {
            return;
        }

        var used = mapping.Tables.Values.Select(t => t.File).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unused = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(f => !used.Contains(f)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
        {
            run.Notes.Add($"not read (not in the mapping): {string.Join(", ", unused)}");
        }

        run.Currency ??= run.Options.Currency?.ToUpperInvariant();
        using (reps = new TableImport<Rep>(run, cancellationToken))
        {
            Table("reps", reps, ReadRep);
            using (accounts = new TableImport<Account>(run, cancellationToken))
            {
                using var ownerships = new OwnershipHistory(run, accounts);
                Table("accounts", accounts, ReadAccount, ownerships.Follow);
                ownerships.Complete();

                using (var contacts = new TableImport<Contact>(run, cancellationToken))
                {
                    Table("contacts", contacts, ReadContact);
                }

                using (var orders = new TableImport<Order>(run, cancellationToken))
                {
                    Table("orders", orders, ReadOrder);
                    run.SaveCurrency();
                }

                using (var engagements = new TableImport<Engagement>(run, cancellationToken))
                {
                    Table("engagements", engagements, ReadEngagement);
                }

                using var opportunities = new TableImport<Opportunity>(run, cancellationToken);
                Table("opportunities", opportunities, ReadOpportunity);
            }
        }
    }

    private void Table<T>(string table, TableImport<T> target, Func<Fields, T?> read, Action<T, Upserted>? after = null)
        where T : class
    {
        if (!mapping.Tables.TryGetValue(table, out var source) || run.Fatal)
        {
            return;
        }

        var columns = source.Fields.Values.Where(f => f.Column is not null).Select(f => f.Column!).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Fields? fields = null;
        FileRows.ImportExport(run, Path.Combine(folder, source.File), $"{source.File} ({table})", columns, [], target, f => read(fields ??= new Fields(f, source, columns, mapping)), after);
    }

    private Rep? ReadRep(Fields r)
    {
        var id = r.Required("rep_id");
        var rate = r.Has("commission_rate") ? r.Amount("commission_rate") : 0m;
        var active = r.Has("active") ? r.Boolean("active") : true;
        return id is null || rate is null || active is null ? null : new Rep { RepId = id, Name = r.Text("name"), Email = r.Text("email"), CommissionRate = rate.Value, Active = active.Value };
    }

    private Account? ReadAccount(Fields r)
    {
        var id = r.Required("account_id");
        var created = r.Date("created_on");
        var owner = r.Text("owner_rep_id");
        if (owner.Length > 0 && reps!.Count > 0 && !reps.Contains(owner))
        {
            r.Error("owner_rep_id", owner, "not a rep of the mapping's reps or the workspace");
        }

        return id is null || created is null ? null : new Account
        {
            AccountId = id,
            Name = r.Text("name"),
            Industry = r.Text("industry"),
            Region = r.Text("region"),
            CreatedOn = created.Value,
            OwnerRepId = owner.Length == 0 ? null : owner,
        };
    }

    private string? Account(Fields r)
    {
        var id = r.Required("account_id");
        if (id is not null && !accounts!.Contains(id))
        {
            r.Error("account_id", id, "unknown account (not in the mapping's accounts or the workspace)");
            return null;
        }

        return id;
    }

    private Contact? ReadContact(Fields r)
    {
        var id = r.Required("contact_id");
        var account = Account(r);
        var optOutEmail = r.Has("opt_out_email") ? r.Boolean("opt_out_email") : false;
        var optOutPhone = r.Has("opt_out_phone") ? r.Boolean("opt_out_phone") : false;
        return id is null || account is null || optOutEmail is null || optOutPhone is null ? null : new Contact
        {
            ContactId = id,
            AccountId = account,
            Name = r.Text("name"),
            Role = r.Text("role"),
            Email = r.Text("email"),
            Phone = r.Text("phone"),
            OptOutEmail = optOutEmail.Value,
            OptOutPhone = optOutPhone.Value,
        };
    }

    private Order? ReadOrder(Fields r)
    {
        var id = r.Required("order_id");
        var account = Account(r);
        var date = r.Date("order_date");
        var amount = r.Amount("amount");
        var statusText = r.Has("status") ? r.Text("status") : "booked";
        if (!Codes.TryParse(statusText, out OrderStatus status))
        {
            r.Error("status", statusText, "expected booked, cancelled or refunded (map other words with \"values\")");
            return null;
        }

        var currency = r.Has("currency") ? r.Text("currency").ToUpperInvariant() : run.Currency ?? "";
        if (currency.Length == 0)
        {
            r.Error("currency", "", "no currency: map a currency column or constant, or give --currency");
            return null;
        }

        run.Currency ??= currency;
        if (currency != run.Currency)
        {
            r.Error("currency", currency, $"not the workspace's reporting currency {run.Currency}");
            return null;
        }

        return id is null || account is null || date is null || amount is null ? null : new Order
        {
            OrderId = id,
            AccountId = account,
            OrderDate = date.Value,
            Amount = amount.Value,
            Currency = currency,
            ReportingAmount = amount.Value,
            Status = status,
        };
    }

    private Engagement? ReadEngagement(Fields r)
    {
        var id = r.Required("engagement_id");
        var account = Account(r);
        var date = r.Date("date");
        var kindText = r.Text("kind");
        var kindOk = Codes.TryParse(kindText, out EngagementKind kind);
        if (!kindOk)
        {
            r.Error("kind", kindText, $"unknown engagement kind (expected one of {string.Join(", ", Codes.AllEngagementKinds)}; map other words with \"values\")");
        }

        var directionText = r.Has("direction") ? r.Text("direction") : "inbound";
        var directionOk = Codes.TryParse(directionText, out Direction direction);
        if (!directionOk)
        {
            r.Error("direction", directionText, "expected inbound or outbound");
        }

        return id is null || account is null || date is null || !kindOk || !directionOk ? null
            : new Engagement { EngagementId = id, AccountId = account, Date = date.Value, Kind = kind, Direction = direction };
    }

    private Opportunity? ReadOpportunity(Fields r)
    {
        var id = r.Required("opportunity_id");
        var account = Account(r);
        var opened = r.Date("opened_on");
        var stage = r.Text("stage");
        var closed = r.Has("closed_on") && r.Text("closed_on").Length > 0 ? r.Date("closed_on") : null;
        if (mapping.Stages.TryGetValue(stage, out var meaning) && meaning == "open")
        {
            closed = null;
        }

        var amount = r.Has("amount") && r.Text("amount").Length > 0 ? r.Amount("amount") : null;
        return id is null || account is null || opened is null ? null : new Opportunity
        {
            OpportunityId = id,
            AccountId = account,
            OpenedOn = opened.Value,
            ClosedOn = closed < opened ? opened : closed,
            Stage = stage,
            Amount = amount,
        };
    }

    /// <summary>The current row's fields as the mapping names them.</summary>
    private sealed class Fields(CsvFile f, TableMapping source, string[] columns, ImportMapping mapping)
    {
        public bool Has(string field) => source.Fields.ContainsKey(field);

        public string Text(string field)
        {
            if (!source.Fields.TryGetValue(field, out var map))
            {
                return "";
            }

            if (map.Constant is not null)
            {
                return map.Constant;
            }

            var text = f.Text(Index(map));
            return map.Values is not null && map.Values.TryGetValue(text, out var mapped) ? mapped : text;
        }

        public string? Required(string field)
        {
            var text = Text(field);
            if (text.Length == 0)
            {
                Error(field, "", "a value is required");
                return null;
            }

            return text;
        }

        public DateOnly? Date(string field)
        {
            var text = Text(field);
            var date = text.Length == 0 ? null : mapping.ParseDate(text);
            if (date is null)
            {
                Error(field, text, text.Length == 0 ? "a date is required" : $"not a date in the mapping's formats ({string.Join(", ", mapping.DateFormats.Append("yyyy-MM-dd"))})");
            }

            return date;
        }

        public decimal? Amount(string field)
        {
            var text = Text(field);
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && Storage.Money.Fits(value))
            {
                return value;
            }

            Error(field, text, "not an amount (digits with a '.' decimal point, at most 4 decimals)");
            return null;
        }

        public bool? Boolean(string field)
        {
            var text = Text(field);
            var value = mapping.ParseBoolean(text);
            if (value is null)
            {
                Error(field, text, $"not one of the mapping's true/false words ({string.Join("/", mapping.TrueWords)}, {string.Join("/", mapping.FalseWords.Where(w => w.Length > 0))})");
            }

            return value;
        }

        public void Error(string field, string value, string reason)
        {
            var map = source.Fields.GetValueOrDefault(field);
            if (map?.Column is not null)
            {
                f.Error(Index(map), value, reason);
            }
            else
            {
                f.Errors.Add(f.Name, f.Line, $"{field} (constant)", value, reason);
            }
        }

        private int Index(FieldMapping map) => Array.FindIndex(columns, c => string.Equals(c, map.Column, StringComparison.OrdinalIgnoreCase));
    }
}
