using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Api;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class ImportApiTests(ApiServer api)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private const string Accounts = "account_id,name,industry,region,created_on,owner_rep_id\nIMP-1,Import One,Retail,North,2025-01-02,\nIMP-2,Import Two,Retail,North,2025-01-03,\n";
    private const string Orders = "order_id,account_id,order_date,amount,currency,status\nIMP-O1,IMP-1,2025-02-03,100.00,USD,booked\nIMP-O2,IMP-2,2025-02-04,250.50,USD,booked\n";

    [Fact]
    public async Task Bad_row_refuses_the_whole_upload_naming_file_line_and_column_and_writes_nothing()
    {
        var before = Counts();
        var bad = Orders.Replace("IMP-O2,IMP-2,2025-02-04,250.50", "IMP-O2,IMP-2,2025-02-30,250.50", StringComparison.Ordinal).Replace("IMP-", "BAD-", StringComparison.Ordinal);
        using var analyst = api.Web.WithToken(Roles.Analyst);
        var response = await analyst.PostAsync("/api/import", Upload(("accounts.csv", Accounts.Replace("IMP-", "BAD-", StringComparison.Ordinal)), ("orders.csv", bad)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, problem.RootElement.GetProperty("errorCount").GetInt32());
        var error = problem.RootElement.GetProperty("errors")[0].Deserialize<ImportErrorItem>(Web)!;
        Assert.Equal(new ImportErrorItem("orders.csv", 3, "order_date", "2025-02-30", error.Reason), error);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Same_upload_twice_changes_nothing_the_second_time_and_a_zip_works_like_the_files()
    {
        using var manager = api.Web.WithToken(Roles.Manager);
        var first = await (await manager.PostAsync("/api/import", Upload(("accounts.csv", Accounts), ("orders.csv", Orders)))).Content.ReadFromJsonAsync<ImportResponse>();
        var counts = Counts();
        var second = await manager.PostAsync("/api/import", Zip(("data/accounts.csv", Accounts), ("data/orders.csv", Orders)));
        var again = await second.Content.ReadFromJsonAsync<ImportResponse>();

        Assert.Equal(4, first!.Inserted);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((0L, 0L, 4L), (again!.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(counts, Counts());
    }

    [Fact]
    public async Task Upload_of_an_unknown_file_or_without_the_required_ones_is_refused()
    {
        using var analyst = api.Web.WithToken(Roles.Analyst);
        var unknown = await analyst.PostAsync("/api/import", Upload(("customers.csv", "id\n1\n")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("customers.csv", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var missing = await analyst.PostAsync("/api/import", Upload(("accounts.csv", Accounts)));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var body = await missing.Content.ReadAsStringAsync();
        Assert.Contains("orders.csv", body, StringComparison.Ordinal);
        Assert.DoesNotContain("rekindle-upload-", body, StringComparison.Ordinal);
    }

    /// <summary>A Shopify export through the API: the dry run counts and writes nothing; the import then writes what it said.</summary>
    [Fact]
    public async Task Shopify_export_dry_run_first_then_the_import()
    {
        const string orders = "Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Vendor\n" +
            "#9001,webshop@buyer.example,paid,USD,30.00,2025-03-01 10:00:00 -0500,1,Mug,30.00,Web Buyer,Kitchen\n" +
            "#9002,webshop@buyer.example,voided,USD,12.00,2025-03-02 10:00:00 -0500,1,Cup,12.00,Web Buyer,Kitchen\n";
        using var manager = api.Web.WithToken(Roles.Manager);
        var before = Counts();

        var dry = await manager.PostAsync("/api/import?source=shopify&dryRun=true", Upload(("orders_export_1.csv", orders)));
        var dryReport = await dry.Content.ReadFromJsonAsync<ImportResponse>();
        var afterDry = Counts();
        var real = await (await manager.PostAsync("/api/import?source=shopify", Upload(("orders_export_1.csv", orders)))).Content.ReadFromJsonAsync<ImportResponse>();

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.True(dryReport!.DryRun);
        Assert.Equal(before, afterDry);
        Assert.Equal(dryReport.Inserted, real!.Inserted);
        Assert.False(real.DryRun);
        Assert.Equal(before.Orders + 2, Counts().Orders);
        using var db = api.Open();
        Assert.Equal(Common.OrderStatus.Cancelled, db.Orders.Single(o => o.OrderId == "#9002").Status);
    }

    /// <summary>background=true: the request answers 202 at once with the job; the job imports, its state and counts are read back, and the jobs panel shows its run.</summary>
    [Fact]
    public async Task Background_import_is_queued_then_runs_and_reports_its_counts_and_errors()
    {
        using var analyst = api.Web.WithToken(Roles.Analyst);
        var accounts = Accounts.Replace("IMP-", "BG-", StringComparison.Ordinal);
        var orders = Orders.Replace("IMP-", "BG-", StringComparison.Ordinal);

        var accepted = await analyst.PostAsync("/api/import?background=true", Upload(("accounts.csv", accounts), ("orders.csv", orders)));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = (await accepted.Content.ReadFromJsonAsync<Hosting.ImportJobView>(Web))!;
        Assert.Equal($"/api/import/jobs/{job.Id}", accepted.Headers.Location!.OriginalString);
        var done = await Until(analyst, job.Id);
        Assert.Equal("succeeded", done.State);
        Assert.Equal(4, done.Report!.Inserted);
        using (var db = api.Open())
        {
            Assert.Equal(2, db.Orders.Count(o => o.OrderId.StartsWith("BG-")));
            Assert.Contains(db.JobRuns.AsNoTracking().Where(r => r.Job == "import").ToList(), r => r.Outcome == "succeeded" && r.Message.Contains(job.Id, StringComparison.Ordinal));
        }

        var bad = await analyst.PostAsync("/api/import?background=true", Upload(("accounts.csv", accounts), ("orders.csv", orders.Replace("2025-02-04", "2025-02-30", StringComparison.Ordinal).Replace("BG-O", "BG-X", StringComparison.Ordinal))));
        var failed = await Until(analyst, (await bad.Content.ReadFromJsonAsync<Hosting.ImportJobView>(Web))!.Id);
        Assert.Equal("failed", failed.State);
        Assert.Equal(1, failed.ErrorCount);
        Assert.Equal(("orders.csv", 3, "order_date"), (failed.Errors[0].File, failed.Errors[0].Line, failed.Errors[0].Column));
    }

    private static async Task<Hosting.ImportJobView> Until(HttpClient client, string id)
    {
        for (var i = 0; i < 300; i++)
        {
            var view = (await client.GetFromJsonAsync<Hosting.ImportJobView>($"/api/import/jobs/{id}", Web))!;
            if (view.State is "succeeded" or "failed")
            {
                return view;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"import job {id} did not end within 30 s");
    }

    [Fact]
    public async Task Unknown_source_is_a_400_naming_the_known_ones()
    {
        using var analyst = api.Web.WithToken(Roles.Analyst);
        var response = await analyst.PostAsync("/api/import?source=sap", Upload(("x.csv", "a\n1\n")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("salesforce, hubspot, shopify", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private (int Accounts, int Orders, int Audit) Counts()
    {
        using var db = api.Open();
        return (db.Accounts.Count(), db.Orders.Count(), db.AuditLog.AsNoTracking().Count());
    }

    private static MultipartFormDataContent Upload(params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            form.Add(new StringContent(text, Encoding.UTF8), "files", name);
        }

        return form;
    }

    private static MultipartFormDataContent Zip(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(buffer.ToArray()), "files", "upload.zip");
        return form;
    }
}
