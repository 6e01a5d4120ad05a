using System.IO.Compression;
using System.Text;
using Rekindle.App.Generation.Exports;

namespace Rekindle.Storage.Tests;

/// <summary>
/// rekindle import --from salesforce: a Data Export read as Salesforce writes it, each quirk on its own, the round
/// trip from a generated company, and the import's guarantees (atomic, idempotent, dry run).
/// </summary>
public class SalesforceImportTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    private const string Users = "\"Id\",\"FirstName\",\"LastName\",\"Email\",\"IsActive\"\n\"005A0000001AbCdIAK\",\"Rita\",\"Ray\",\"rita@example.com\",\"1\"\n";
    private const string AccountHeader = "\"Id\",\"IsDeleted\",\"Name\",\"Industry\",\"BillingState\",\"BillingCountry\",\"CreatedDate\",\"OwnerId\",\"Description\"\n";
    private const string Acme = "\"001A0000006Vm9rIAC\",\"0\",\"Acme\",\"Retail\",\"\",\"Germany\",\"2024-03-01 09:15:00\",\"005A0000001AbCdIAK\",\"<p>Key customer.</p>\n<p>Visit <b>twice</b> a year, \"\"always\"\".</p>\"\n";
    private const string OpportunityHeader = "\"Id\",\"IsDeleted\",\"AccountId\",\"Name\",\"StageName\",\"Amount\",\"CurrencyIsoCode\",\"CloseDate\",\"IsClosed\",\"IsWon\",\"CreatedDate\"\n";
    private const string Currencies = "\"Id\",\"IsoCode\",\"ConversionRate\",\"IsCorporate\",\"IsActive\"\n\"01L1\",\"USD\",\"1.000000\",\"1\",\"1\"\n\"01L2\",\"EUR\",\"0.800000\",\"0\",\"1\"\n";

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_GeneratedSalesforceExport_ClassifiesLikeTheFolderItCameFrom(WorkspaceProvider provider)
    {
        var original = companies.Of(300);
        using var export = new TempFolder();
        ExportWriter.Write(original, export.Path, ExportFormat.Salesforce, new ExportOptions(new DateOnly(2026, 11, 23)));
        using var workspace = new TestWorkspace(provider);

        var imported = Rk.Run(workspace, "import", "--from", "salesforce", export.Path);
        var fromWorkspace = Rk.Run(workspace, "classify", "--as-of", "2026-11-23", "--format", "csv");

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("Account.csv: read as WINDOWS-1252", imported.Out, StringComparison.Ordinal);
        Assert.Contains("not read (Rekindle does not use them): Campaign.csv, Lead.csv", imported.Out, StringComparison.Ordinal);
        using var carried = new TempFolder();
        CopyWhatSalesforceCarries(original, carried.Path);
        var fromFolder = Rk.Run("classify", "--data", carried.Path, "--as-of", "2026-11-23", "--format", "csv");
        var ids = File.ReadLines(Path.Combine(export.Path, "rekindle-ids.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] == "accounts").ToDictionary(f => f[2], f => f[1]);
        var expected = StatusAndKey(fromFolder.Out, id => id);
        var actual = StatusAndKey(fromWorkspace.Out, id => ids[id]);
        Assert.Equal(300, expected.Count);
        var differ = expected.Where(e => !actual.TryGetValue(e.Key, out var a) || a != e.Value).Select(e => $"{e.Key}: {e.Value} -> {actual.GetValueOrDefault(e.Key)}").ToList();
        Assert.True(differ.Count == 0, string.Join("\n", differ));
        Assert.Equal(expected.Count, actual.Count);
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Import_SameExportTwice_ChangesNothing_AndDryRunWritesNothing(WorkspaceProvider provider)
    {
        using var export = new TempFolder();
        ExportWriter.Write(companies.Of(300), export.Path, ExportFormat.Salesforce, new ExportOptions(new DateOnly(2026, 11, 23)));
        using var workspace = new TestWorkspace(provider);
        var empty = workspace.Fingerprint();

        var dry = Rk.Run(workspace, "import", "--from", "salesforce", export.Path, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("dry run: nothing was written", dry.Out, StringComparison.Ordinal);
        Assert.Equal(empty, workspace.Fingerprint());

        Assert.Equal(0, Rk.Run(workspace, "import", "--from", "salesforce", export.Path).ExitCode);
        var once = workspace.Fingerprint();
        var again = Rk.Run(workspace, "import", "--from", "salesforce", export.Path);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains(" 0 new, 0 changed,", again.Out, StringComparison.Ordinal);
        Assert.Equal(once, workspace.Fingerprint());
    }

    [Fact]
    public void Import_ZipAsDownloaded_ImportsLikeTheFolder()
    {
        using var export = Minimal();
        var zip = Path.Combine(Path.GetTempPath(), $"WE_00D{Guid.NewGuid():N}_1.ZIP");
        ZipFile.CreateFromDirectory(export.Path, zip);
        try
        {
            using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
            var result = Rk.Run(workspace, "import", "--from", "salesforce", zip);
            Assert.True(result.ExitCode == 0, result.ToString());
            using var db = workspace.Open();
            Assert.Equal(["001A0000006Vm9rIAC"], db.Accounts.Select(a => a.AccountId).ToList());
        }
        finally
        {
            File.Delete(zip);
        }
    }

    /// <summary>Quoted values, 0/1 booleans, date-times, a multi-line HTML description, BillingCountry when BillingState is empty.</summary>
    [Fact]
    public void Import_Account_QuotedValuesDateTimesAndHtml()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = Minimal();

        Assert.Equal(0, Rk.Run(workspace, "import", "--from", "salesforce", export.Path).ExitCode);

        using var db = workspace.Open();
        var account = db.Accounts.Single();
        Assert.Equal(("Acme", "Retail", "Germany", new DateOnly(2024, 3, 1), "005A0000001AbCdIAK"), (account.Name, account.Industry, account.Region, account.CreatedOn, account.OwnerRepId));
        Assert.Equal("Rita Ray", db.Reps.Single().Name);
    }

    /// <summary>A 15-character reference names the same record as its 18-character id.</summary>
    [Fact]
    public void Import_FifteenCharacterReference_IsTheSameRecord()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = Minimal().Write("Opportunity.csv", OpportunityHeader + "\"006A000000AAAAAIA0\",\"0\",\"001A0000006Vm9r\",\"Deal\",\"Closed Won\",\"100.00\",\"USD\",\"2025-05-01\",\"1\",\"1\",\"2025-04-01 10:00:00\"\n");

        var result = Rk.Run(workspace, "import", "--from", "salesforce", export.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var db = workspace.Open();
        Assert.Equal("001A0000006Vm9rIAC", db.Orders.Single().AccountId);
        Assert.Equal("001A0000006Vm9rIAC", db.Opportunities.Single().AccountId);
    }

    [Fact]
    public void Import_DeletedRows_AreSkippedAndCounted()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = Minimal().Write("Account.csv", AccountHeader + Acme + "\"001A0000006Vm9sIAC\",\"1\",\"Gone\",\"Retail\",\"\",\"\",\"2024-03-01 09:15:00\",\"\",\"\"\n");

        var result = Rk.Run(workspace, "import", "--from", "salesforce", export.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Account\.csv\s*│\s*2 │\s*1 │\s*0 │\s*0 │\s*0 │\s*1 │", result.Out);
        using var db = workspace.Open();
        Assert.Equal(1, db.Accounts.Count());
    }

    /// <summary>000000000000000AAA and empty are no reference: a task without an account falls back to its WhatId.</summary>
    [Fact]
    public void Import_TaskWithEmptyReference_ReachesItsAccountThroughWhatId()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = Minimal().Write(
            "Task.csv",
            "\"Id\",\"IsDeleted\",\"AccountId\",\"WhatId\",\"TaskSubtype\",\"CallDisposition\",\"CallDurationInSeconds\",\"ActivityDate\",\"CreatedDate\"\n" +
            "\"00TA00000001aaaEAA\",\"0\",\"000000000000000AAA\",\"001A0000006Vm9r\",\"Call\",\"Connected\",\"120\",\"2025-06-01\",\"2025-06-01 10:00:00\"\n" +
            "\"00TA00000001aabEAA\",\"0\",\"001A0000006Vm9rIAC\",\"\",\"Call\",\"\",\"0\",\"\",\"2025-06-02 10:00:00\"\n" +
            "\"00TA00000001aacEAA\",\"0\",\"001A0000006Vm9rIAC\",\"\",\"Email\",\"\",\"\",\"2025-06-03\",\"2025-06-03 10:00:00\"\n" +
            "\"00TA00000001aadEAA\",\"0\",\"\",\"006A000000AAAAA\",\"Call\",\"Connected\",\"60\",\"2025-06-04\",\"2025-06-04 10:00:00\"\n");

        var result = Rk.Run(workspace, "import", "--from", "salesforce", export.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var db = workspace.Open();
        var rows = db.Engagements.OrderBy(e => e.Date).Select(e => new { e.Date, e.Kind, e.Direction, e.AccountId }).ToList();
        Assert.Equal(
            [(new DateOnly(2025, 6, 1), Common.EngagementKind.CallAnswered), (new DateOnly(2025, 6, 2), Common.EngagementKind.CallUnanswered), (new DateOnly(2025, 6, 3), Common.EngagementKind.EmailOpen)],
            rows.Select(r => (r.Date, r.Kind)));
        Assert.All(rows, r => Assert.Equal("001A0000006Vm9rIAC", r.AccountId));
        Assert.Equal(Common.Direction.Outbound, rows[2].Direction);
    }

    [Fact]
    public void Import_Windows1252File_IsDetectedAndReadAsSuch()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = Minimal();
        File.WriteAllBytes(export.File("Account.csv"), CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(AccountHeader + Acme.Replace("\"Acme\"", "\"Zürich Café – Ltd\"", StringComparison.Ordinal)));

        var result = Rk.Run(workspace, "import", "--from", "salesforce", export.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Account.csv: read as WINDOWS-1252", result.Out, StringComparison.Ordinal);
        using var db = workspace.Open();
        Assert.Equal("Zürich Café – Ltd", db.Accounts.Single().Name);
    }

    /// <summary>EUR at 0.8 per USD: 80 EUR is 100 USD; a dated rate of 0.5 for May 2025 wins there (50 EUR is 100 USD).</summary>
    [Fact]
    public void Import_OtherCurrencies_ConvertedToTheCorporateOne()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = Minimal()
            .Write("CurrencyType.csv", Currencies)
            .Write("DatedConversionRate.csv", "\"Id\",\"IsoCode\",\"ConversionRate\",\"StartDate\",\"NextStartDate\"\n\"04w1\",\"EUR\",\"0.500000\",\"2025-05-01\",\"2025-06-01\"\n")
            .Write("Opportunity.csv", OpportunityHeader +
                "\"006A000000AAAAAIA0\",\"0\",\"001A0000006Vm9rIAC\",\"A\",\"Closed Won\",\"80.00\",\"EUR\",\"2025-04-30\",\"1\",\"1\",\"2025-04-01 10:00:00\"\n" +
                "\"006A000000AAAABIA0\",\"0\",\"001A0000006Vm9rIAC\",\"B\",\"Closed Won\",\"50.00\",\"EUR\",\"2025-05-01\",\"1\",\"1\",\"2025-04-01 10:00:00\"\n" +
                "\"006A000000AAAACIA0\",\"0\",\"001A0000006Vm9rIAC\",\"C\",\"Prospecting\",\"70.00\",\"USD\",\"2025-09-01\",\"0\",\"0\",\"2025-04-01 10:00:00\"\n");

        var result = Rk.Run(workspace, "import", "--from", "salesforce", export.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var db = workspace.Open();
        Assert.Equal([100m, 100m], db.Orders.OrderBy(o => o.OrderDate).Select(o => o.ReportingAmount).ToList());
        Assert.Equal(["EUR", "EUR"], db.Orders.Select(o => o.Currency).ToList());
        var open = db.Opportunities.Single(o => o.Stage == "Prospecting");
        Assert.Null(open.ClosedOn);
        Assert.Equal(3, db.Opportunities.Count());
    }

    [Fact]
    public void Import_UnknownAccountOnAnOpportunity_ExitsTwoWithFileLineAndColumn()
    {
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        using var export = Minimal().Write("Opportunity.csv", OpportunityHeader + "\"006A000000AAAAAIA0\",\"0\",\"001A0000009ZZZZIAC\",\"Deal\",\"Closed Won\",\"100.00\",\"USD\",\"2025-05-01\",\"1\",\"1\",\"2025-04-01 10:00:00\"\n");
        var before = workspace.Fingerprint();

        var result = Rk.Run(workspace, "import", "--from", "salesforce", export.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Opportunity.csv:2: column AccountId value \"001A0000009ZZZZIAC\": unknown account", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Fingerprint());
    }

    [Theory]
    [InlineData("001A0000006Vm9r", "001A0000006Vm9rIAC")]
    [InlineData("001A0000006Vm9rIAC", "001A0000006Vm9rIAC")]
    [InlineData("a0D30000001n7Pi", "a0D30000001n7PiEAI")]
    public void Normalize_FifteenOrEighteen_GivesTheEighteenCharacterId(string id, string expected) =>
        Assert.Equal(expected, App.Workspace.Sources.SalesforceIds.Normalize(id));

    [Theory]
    [InlineData("")]
    [InlineData("000000000000000AAA")]
    [InlineData("000000000000000")]
    public void Normalize_EmptyReference_IsNull(string id) => Assert.Null(App.Workspace.Sources.SalesforceIds.Normalize(id));

    private static TempFolder Minimal() => new TempFolder()
        .Write("User.csv", Users)
        .Write("Account.csv", AccountHeader + Acme)
        .Write("CurrencyType.csv", Currencies);

    /// <summary>
    /// The generated folder less what a Salesforce export does not carry: web visits and support tickets (no Salesforce
    /// object written for them), and e-mail clicks, which come back as e-mail tasks (opens).
    /// </summary>
    private static void CopyWhatSalesforceCarries(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.csv"))
        {
            var lines = File.ReadLines(file);
            if (Path.GetFileName(file) == "engagements.csv")
            {
                lines = lines.Where(l => !l.Contains(",web_visit,", StringComparison.Ordinal) && !l.Contains(",support_ticket,", StringComparison.Ordinal))
                    .Select(l => l.Replace(",email_click,", ",email_open,", StringComparison.Ordinal));
            }

            File.WriteAllLines(Path.Combine(to, Path.GetFileName(file)), lines);
        }
    }

    internal static Dictionary<string, string> StatusAndKey(string csv, Func<string, string> id)
    {
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(new StringReader(csv));
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[id(reader.GetString(0))] = $"{reader.GetString(reader.GetOrdinal("status"))}/{reader.GetString(reader.GetOrdinal("key"))}";
        }

        return rows;
    }
}
