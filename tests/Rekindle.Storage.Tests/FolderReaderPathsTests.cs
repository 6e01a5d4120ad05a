using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Rekindle.App.Csv;
using Rekindle.Web.Auth;
using Rekindle.Web.Hosting;

namespace Rekindle.Storage.Tests;

/// <summary>
/// One reader per format: a corpus of bad CSV folders goes through every path that reads the folder format
/// (<c>classify --data</c>, <c>segments --data</c>, <c>backtest --data</c>, <c>rekindle import</c> on SQLite, and
/// <c>POST /api/import</c> on the web app), and each path gives exactly the same errors: file, line, column, value and
/// reason. Contacts and order lines are read by segments and the import (a classification does not need them), so their
/// cases skip classify and backtest. The workspaces hold no account, so a reference is looked for in the files only.
/// </summary>
public sealed class FolderReaderPathsTests(FolderReaderPathsTests.WebImport web) : IClassFixture<FolderReaderPathsTests.WebImport>
{
    private const string Reps = "rep_id,name,email,commission_rate,active\nR1,Rita Ray,rita@example.com,0.05,true\n";
    private const string Accounts = "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,West,2024-01-01,R1\nA2,Bolt,Retail,West,2024-01-01,\n";
    private const string Orders = "order_id,account_id,order_date,amount,currency,status\nO1,A1,2025-03-01,30.00,USD,booked\nO2,A2,2025-04-01,10.00,USD,booked\n";
    private const string Engagements = "engagement_id,account_id,date,kind,direction\nE1,A1,2025-05-01,meeting,outbound\n";
    private const string Opportunities = "opportunity_id,account_id,opened_on,closed_on,stage,amount\nP1,A2,2025-05-01,,Proposal,500.00\n";
    private const string Contacts = "contact_id,account_id,name,role,email,phone,social,postal_address,opt_out\nC1,A1,Ann Lee,Buyer,ann@acme.example,,,,phone\n";
    private const string Lines = "order_id,line_no,sku,product_name,category,quantity,unit_price\nO1,1,S1,Paper,Office,3,10.00\n";

    /// <summary>Files a classification reads; a case on another file is not seen by classify and backtest.</summary>
    private static readonly string[] BookFiles = ["reps.csv", "accounts.csv", "orders.csv", "engagements.csv", "opportunities.csv", "rates.csv"];

    public static TheoryData<string, string, string> Corpus => new()
    {
        // file, text appended to it (the whole file when it starts with "=", in Latin-1 when with "~"), the one error every path gives
        { "orders.csv", "O3,A1,2025-02-30,10.00,USD,booked", "orders.csv:4: column order_date value \"2025-02-30\": not a valid date (expected yyyy-MM-dd, a real calendar day)" },
        { "orders.csv", "O3,A9,2025-03-01,10.00,USD,booked", "orders.csv:4: column account_id value \"A9\": unknown account (not in accounts.csv)" },
        { "orders.csv", "O1,A2,2025-03-02,10.00,USD,booked", "orders.csv:4: column order_id value \"O1\": duplicate id (first seen on line 2)" },
        { "orders.csv", "O3,A1,2025-03-01,10.00,EUR,booked", "orders.csv:4: column currency value \"EUR\": not the reporting currency USD, and no rate is given for it (rates.csv)" },
        { "orders.csv", "O3,A1,2025-03-01,-10.00,USD,booked", "orders.csv:4: column amount value \"-10.00\": a booked order cannot have a negative amount" },
        { "orders.csv", "O3,A1,2025-03-01,10.12345,USD,booked", "orders.csv:4: column amount value \"10.12345\": more than 4 decimal places (or too large): the workspace keeps amounts to 4 places" },
        { "orders.csv", "O3,A1,2025-03-01,12O.00,USD,booked", "orders.csv:4: column amount value \"12O.00\": not a number (use digits with a '.' decimal point, no thousands separator)" },
        { "orders.csv", "O3,A1,2025-03-01,10.00,USD,shipped", "orders.csv:4: column status value \"shipped\": expected booked, cancelled or refunded" },
        { "orders.csv", "O3,A1,2025-0", "orders.csv:4: the row has 3 field(s) but the header has 6 (a truncated or malformed line?)" },
        { "orders.csv", "=order_id,account_id,order_date,currency,status\nO1,A1,2025-03-01,USD,booked\n", "orders.csv:1: column amount: required column is missing" },
        { "orders.csv", "O3,A1,\"2025-03-01,10.00,USD,booked\nO4,A1,2025-03-02,10.00,USD,booked", "orders.csv:4: cannot read the row: A quoted field at the end of the input ends without a closing quote." },
        { "orders.csv", "~O3,A1,2025-03-01,10.00,USD,booked caf\u00e9", "orders.csv:4: not UTF-8 text at line 4, byte 38 of the line (offset 159 in the file) (a Latin-1 or Windows-1252 byte?): the CSV folder format is UTF-8" },
        { "orders.csv", "=PK\u0003\u0004\0\0\u0008\0", "orders.csv:1: not a UTF-8 text file (it contains binary data: a NUL byte at line 1, byte 5 of the line (offset 4 in the file))" },
        { "accounts.csv", "A1,Again,Retail,West,2024-01-01,", "accounts.csv:4: column account_id value \"A1\": duplicate id (first seen on line 2)" },
        { "accounts.csv", "A3,Gamma,Retail,West,2024-01-01,R9", "accounts.csv:4: column owner_rep_id value \"R9\": unknown rep (not in reps.csv)" },
        { "accounts.csv", "A3,Gamma,Retail,West,2024-13-01,", "accounts.csv:4: column created_on value \"2024-13-01\": not a valid date (expected yyyy-MM-dd, a real calendar day)" },
        { "accounts.csv", new string('A', 101) + ",Long,Retail,West,2024-01-01,", $"accounts.csv:4: column account_id value \"{new string('A', 77)}...\": too long: 101 characters (at most 100)" },
        { "accounts.csv", "A3,Gamma,Retail,West,2024-01-01,,blue", "accounts.csv:4: the row has 7 field(s) but the header has 6 (a truncated or malformed line?)" },
        { "reps.csv", "R2,Sam,sam@example.com,1.5,true", "reps.csv:3: column commission_rate value \"1.5\": a commission rate must be between 0 and 1" },
        { "reps.csv", "R2,Sam,sam@example.com,0.1,yes", "reps.csv:3: column active value \"yes\": expected true or false" },
        { "engagements.csv", "E2,A1,2025-05-02,telepathy,inbound", "engagements.csv:3: column kind value \"telepathy\": unknown engagement kind (expected one of web_visit, email_open, email_click, call_answered, call_unanswered, meeting, support_ticket, event)" },
        { "engagements.csv", ",A1,2025-05-02,meeting,inbound", "engagements.csv:3: column engagement_id: a value is required" },
        { "opportunities.csv", "P2,A1,2025-05-01,2025-04-01,Lost,", "opportunities.csv:3: column closed_on value \"2025-04-01\": closed before it was opened (2025-05-01)" },
        { "rates.csv", "=currency,rate\nEUR,0\n", "rates.csv:2: column rate value \"0\": a rate must be greater than 0" },
        { "contacts.csv", "C2,A1,Bo,Owner,bo@acme.example,,,,fax", "contacts.csv:3: column opt_out value \"fax\": unknown channel (expected email, phone, social, postal, joined by ';')" },
        { "contacts.csv", "C2,A9,Bo,Owner,bo@acme.example,,,,", "contacts.csv:3: column account_id value \"A9\": unknown account (not in accounts.csv)" },
        { "contacts.csv", "C1,A2,Bo,Owner,bo@acme.example,,,,", "contacts.csv:3: column contact_id value \"C1\": duplicate id (first seen on line 2)" },
        { "order_lines.csv", "O2,1,S2,Pens,Office,2.5,10.00", "order_lines.csv:3: column quantity value \"2.5\": not a whole number" },
        { "order_lines.csv", "O9,1,S2,Pens,Office,2,10.00", "order_lines.csv:3: column order_id value \"O9\": unknown order (not in orders.csv)" },
        { "order_lines.csv", "O1,1,S2,Pens,Office,2,10.00", "order_lines.csv:3: column line_no value \"1\": duplicate line of order O1 (first seen on line 2)" },
        { "order_lines.csv", "O2,0,S2,Pens,Office,2,10.00", "order_lines.csv:3: column line_no value \"0\": a line number starts at 1" },
    };

    [Fact]
    public void GoodFolder_IsReadOnEveryPath()
    {
        using var folder = Folder();
        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);

        foreach (var (path, result) in DataPaths(folder).Append((Path: "import", Result: Rk.Run(workspace, "import", folder.Path))))
        {
            Assert.True(result.ExitCode == 0, $"{path}: {result}");
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task BadFolder_SameErrorsOnEveryPath(string file, string text, string expected)
    {
        using var folder = Folder();
        if (text.StartsWith('='))
        {
            folder.Write(file, text[1..]);
        }
        else if (text.StartsWith('~'))
        {
            using var stream = new FileStream(folder.File(file), FileMode.Append);
            stream.Write(System.Text.Encoding.Latin1.GetBytes(text[1..] + "\n"));
        }
        else
        {
            File.AppendAllText(folder.File(file), text + "\n");
        }

        using var workspace = new TestWorkspace(WorkspaceProvider.Sqlite);
        var paths = new List<(string Path, List<string> Errors)>();
        foreach (var (path, result) in DataPaths(folder).Where(p => BookFiles.Contains(file) || p.Path == "segments --data"))
        {
            paths.Add((path, Errors(path, result)));
        }

        paths.Add(("import", Errors("import", Rk.Run(workspace, "import", folder.Path))));
        paths.Add(("POST /api/import", await web.Import(folder.Path)));

        foreach (var (path, errors) in paths)
        {
            Assert.True(errors.SequenceEqual([expected]), $"{path} gave:\n{string.Join("\n", errors)}\nexpected:\n{expected}");
        }
    }

    private static IEnumerable<(string Path, CliResult Result)> DataPaths(TempFolder folder)
    {
        yield return ("classify --data", Rk.Run("classify", "--data", folder.Path, "--as-of", "2025-06-30", "--format", "csv"));
        yield return ("segments --data", Rk.Run("segments", "--data", folder.Path, "--as-of", "2025-06-30", "--format", "csv"));
        yield return ("backtest --data", Rk.Run("backtest", "--data", folder.Path, "--from", "2025-03-31", "--to", "2025-03-31"));
    }

    /// <summary>The errors a command printed (exit code 2), as <see cref="InputError"/> describes them.</summary>
    private static List<string> Errors(string path, CliResult result)
    {
        Assert.True(result.ExitCode == 2, $"{path}: {result}");
        return [.. result.Error.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Select(l => l["error: ".Length..].TrimEnd('\r'))];
    }

    private static TempFolder Folder() => new TempFolder()
        .Write("reps.csv", Reps).Write("accounts.csv", Accounts).Write("orders.csv", Orders).Write("engagements.csv", Engagements)
        .Write("opportunities.csv", Opportunities).Write("contacts.csv", Contacts).Write("order_lines.csv", Lines);

    /// <summary>The web app over an empty SQLite workspace, with an analyst's API token: imports are refused and write nothing.</summary>
    public sealed class WebImport : IAsyncLifetime
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "rekindle-paths-" + Guid.NewGuid().ToString("N"));
        private readonly FakeTimeProvider clock = new(Rk.Today);
        private WebApplication? app;
        private Uri? address;
        private string token = "";

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(folder);
            var location = WorkspaceLocation.Sqlite(Path.Combine(folder, "workspace.db"));
            using (var db = location.Open())
            {
                var users = new UserAccounts(db, clock);
                token = users.IssueToken(users.Add("analyst@example.com", Roles.Analyst, UserAccounts.NewPassword()).Id, "tests").Token;
            }

            app = Web.RekindleServer.Build(new ServerSettings { Workspace = location, Urls = "http://127.0.0.1:0", RunScheduler = false }, clock,
                builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
            await app.StartAsync();
            address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        /// <summary>Uploads every file of <paramref name="path"/>; the import must be refused (400). Its errors, described.</summary>
        public async Task<List<string>> Import(string path)
        {
            using var upload = new MultipartFormDataContent();
            foreach (var file in Directory.EnumerateFiles(path))
            {
                var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                upload.Add(content, "files", Path.GetFileName(file));
            }

            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.PostAsync("/api/import", upload);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST /api/import: {(int)response.StatusCode} {body}");
            using var problem = JsonDocument.Parse(body);
            return [.. problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => new InputError(
                e.GetProperty("file").GetString()!, e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString()!,
                e.GetProperty("value").GetString()!, e.GetProperty("reason").GetString()!).ToString())];
        }

        public async Task DisposeAsync()
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the temp folder's cleaner.
            }
        }
    }
}
