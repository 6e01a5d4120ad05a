using System.Text;
using Rekindle.App.Csv;
using Rekindle.App.Generation;
using Rekindle.Lifecycle;

namespace Rekindle.App.Tests.Csv;

/// <summary>
/// The CSV folder read in parts on several threads gives what one reader gives: the same book, row for row, and the
/// same errors on the same lines, also when a cut falls inside a quoted field that spans lines.
/// </summary>
public sealed class ChunkedLoadTests : IDisposable
{
    private static readonly Chunking OneReader = new(1, int.MaxValue);
    private readonly string folder = Directory.CreateTempSubdirectory("rekindle-chunks-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(2, 4096)]
    [InlineData(3, 1000)]
    [InlineData(1, 777)]
    public void Load_GeneratedCompanyInSmallParts_SameBookRowForRowAsOneReader(int threads, int partBytes)
    {
        CompanyGenerator.Generate(new GeneratorOptions(new DateOnly(2026, 6, 30), 150), folder);

        var one = BookLoader.Load(folder, new LoadOptions { Chunking = OneReader });
        var parts = BookLoader.Load(folder, new LoadOptions { Chunking = new Chunking(threads, partBytes) });

        Assert.True(new FileInfo(Path.Combine(folder, "engagements.csv")).Length > 20 * partBytes, "the file is cut into many parts");
        Assert.Equal(one.Currency, parts.Currency);
        Assert.Equal(Rows(one.Book), Rows(parts.Book));
        Assert.True(one.Book.OrderCount > 1000 && one.Book.EngagementCount > 1000);
    }

    /// <summary>
    /// A folder of symbolic links to the files (a common way to point Rekindle at an export) reads like the files. (That
    /// the target is also cut into parts, not read whole by one reader because the link's own length is a few bytes,
    /// shows in the time only: the README's benchmark notes give it.)
    /// </summary>
    [Fact]
    public void Load_FolderOfSymbolicLinks_SameBookAsTheFiles()
    {
        CompanyGenerator.Generate(new GeneratorOptions(new DateOnly(2026, 6, 30), 150), folder);
        var links = Directory.CreateTempSubdirectory("rekindle-links-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.csv"))
            {
                File.CreateSymbolicLink(Path.Combine(links, Path.GetFileName(file)), file);
            }

            var chunking = new Chunking(2, 4096);
            var files = BookLoader.Load(folder, new LoadOptions { Chunking = chunking });
            var linked = BookLoader.Load(links, new LoadOptions { Chunking = chunking });

            Assert.Equal(Rows(files.Book), Rows(linked.Book));
            Assert.True(files.Book.EngagementCount > 1000);
        }
        finally
        {
            Directory.Delete(links, recursive: true);
        }
    }

    [Fact]
    public void Load_ErrorsSpreadOverParts_SameErrorsOnTheSameLinesAsOneReader()
    {
        Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\n" + string.Concat(Enumerable.Range(1, 20).Select(i => $"A{i},Acme {i},Retail,West,2024-01-01,\n")));
        var orders = new StringBuilder("order_id,account_id,order_date,amount,currency,status\n");
        for (var i = 1; i <= 3000; i++)
        {
            var line = i switch
            {
                7 => $"O{i},A99,2025-01-01,10.00,USD,booked",
                800 => $"O{i},A1,2025-02-30,10.00,USD,booked",
                1500 => "O3,A2,2025-03-01,10.00,USD,booked",
                2999 => $"O{i},A3,2025-03-01,ten,USD,booked",
                _ => $"O{i},A{(i % 20) + 1},2025-{(i % 12) + 1:00}-01,{i}.50,USD,{(i % 9 == 0 ? "refunded" : "booked")}",
            };
            orders.Append(line).Append('\n');
        }

        Write("orders.csv", orders.ToString());

        var one = Assert.Throws<InputException>(() => BookLoader.Load(folder, new LoadOptions { Chunking = OneReader }));
        var parts = Assert.Throws<InputException>(() => BookLoader.Load(folder, new LoadOptions { Chunking = new Chunking(2, 2000) }));

        Assert.Equal(one.Errors.Describe(), parts.Errors.Describe());
        Assert.Equal(
            [
                "orders.csv:8: column account_id value \"A99\": unknown account (not in accounts.csv)",
                "orders.csv:801: column order_date value \"2025-02-30\": not a valid date (expected yyyy-MM-dd, a real calendar day)",
                "orders.csv:1501: column order_id value \"O3\": duplicate id (first seen on line 4)",
                "orders.csv:3000: column amount value \"ten\": not a number (use digits with a '.' decimal point, no thousands separator)",
            ],
            parts.Errors.Describe());
    }

    /// <summary>
    /// Ids that rise through the file (zero-padded, as a sequence exports them) are known to be distinct without
    /// hashing; a repeat right after itself, or a step back to an earlier id, in one part or across a cut, is still
    /// found on its line, by every reader.
    /// </summary>
    [Theory]
    [InlineData(0, 0)] // no repeat
    [InlineData(1500, 1499)]
    [InlineData(2500, 100)]
    [InlineData(2, 1)]
    [InlineData(3000, 2999)]
    public void Load_RisingIds_RepeatOrStepBackFoundOnItsLine(int row, int sameIdAs)
    {
        Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,West,2024-01-01,\n");
        var orders = new StringBuilder("order_id,account_id,order_date,amount,currency,status\n");
        for (var i = 1; i <= 3000; i++)
        {
            var id = i == row ? sameIdAs : i;
            orders.Append($"O{id:00000},A1,2025-03-01,{i}.00,USD,booked\n");
        }

        Write("orders.csv", orders.ToString());
        Chunking[] readers = [OneReader, new(2, 2000), new(2, 300), new(1, 4096), new(2, 16)]; // 16 bytes: a line a part, every repeat across a cut

        foreach (var chunking in readers)
        {
            var options = new LoadOptions { Chunking = chunking };
            if (row == 0)
            {
                Assert.Equal(3000, BookLoader.Load(folder, options).Book.OrderCount);
                continue;
            }

            var error = Assert.Throws<InputException>(() => BookLoader.Load(folder, options));
            Assert.Equal(
                [$"orders.csv:{row + 1}: column order_id value \"O{sameIdAs:00000}\": duplicate id (first seen on line {sameIdAs + 1})"],
                error.Errors.Describe());
        }
    }

    [Fact]
    public void Load_AccountsInParts_DuplicatesAndBadRowsOnTheSameLinesAsOneReader()
    {
        var accounts = new StringBuilder("account_id,name,industry,region,created_on,owner_rep_id\n");
        for (var i = 1; i <= 400; i++)
        {
            var line = i switch
            {
                120 => "A5,Again,Retail,West,2024-01-01,",
                300 => "A300,Bad date,Retail,West,2024-13-01,",
                _ => $"A{i},Account {i},Retail,West,2024-01-01,",
            };
            accounts.Append(line).Append('\n');
        }

        Write("accounts.csv", accounts.ToString());
        Write("orders.csv", "order_id,account_id,order_date,amount,currency,status\nO1,A1,2025-03-01,30.00,USD,booked\n");

        var one = Assert.Throws<InputException>(() => BookLoader.Load(folder, new LoadOptions { Chunking = OneReader }));
        var parts = Assert.Throws<InputException>(() => BookLoader.Load(folder, new LoadOptions { Chunking = new Chunking(2, 700) }));

        Assert.True(new FileInfo(Path.Combine(folder, "accounts.csv")).Length > 10 * 700, "the file is cut into many parts");
        Assert.Equal(one.Errors.Describe(), parts.Errors.Describe());
        Assert.Equal(
            [
                "accounts.csv:121: column account_id value \"A5\": duplicate id (first seen on line 6)",
                "accounts.csv:301: column created_on value \"2024-13-01\": not a valid date (expected yyyy-MM-dd, a real calendar day)",
            ],
            parts.Errors.Describe());
    }

    [Fact]
    public void Load_QuotedFieldsSpanningLinesAcrossCuts_SameBookAndLinesAsOneReader()
    {
        Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,West,2024-01-01,\nA2,Bolt,Retail,West,2024-01-01,\n");
        Write("orders.csv", "order_id,account_id,order_date,amount,currency,status\nO1,A1,2025-03-01,30.00,USD,booked\n");
        var opportunities = new StringBuilder("opportunity_id,account_id,opened_on,closed_on,stage,amount\n");
        for (var i = 1; i <= 400; i++)
        {
            // Long quoted stages with line ends (and escaped quotes) inside: many cuts land within them.
            var stage = $"\"stage {i}\n{new string('x', 40)} \"\"quoted\"\"\n{new string('y', 40)}\"";
            var closed = i == 390 ? "2020-01-01" : "";
            opportunities.Append($"P{i},A{(i % 2) + 1},2025-0{(i % 9) + 1}-01,{closed},{stage},{i}.00\n");
        }

        Write("opportunities.csv", opportunities.ToString());

        var one = Assert.Throws<InputException>(() => BookLoader.Load(folder, new LoadOptions { Chunking = OneReader }));
        var parts = Assert.Throws<InputException>(() => BookLoader.Load(folder, new LoadOptions { Chunking = new Chunking(2, 300) }));

        Assert.Equal(one.Errors.Describe(), parts.Errors.Describe());
        Assert.Equal(["opportunities.csv:1169: column closed_on value \"2020-01-01\": closed before it was opened (2025-04-01)"], parts.Errors.Describe());

        File.WriteAllText(Path.Combine(folder, "opportunities.csv"), opportunities.ToString().Replace("2020-01-01", "", StringComparison.Ordinal));
        var bookOne = BookLoader.Load(folder, new LoadOptions { Chunking = OneReader });
        var bookParts = BookLoader.Load(folder, new LoadOptions { Chunking = new Chunking(2, 300) });
        Assert.Equal(400, bookParts.Book.OpportunityCount);
        Assert.Equal(Rows(bookOne.Book), Rows(bookParts.Book));
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(folder, name), text);

    /// <summary>Every fact of every account, in the book's order.</summary>
    private static List<string> Rows(AccountBook book)
    {
        var rows = new List<string>();
        for (var a = 0; a < book.AccountCount; a++)
        {
            var f = book.Facts(a);
            rows.Add($"{book.Accounts[a].Id}: orders {string.Join(' ', f.OrderDays.ToArray())} | {string.Join(' ', f.OrderAmounts.ToArray())} | "
                + $"{string.Join(' ', f.OrderStatuses.ToArray())}; engagements {string.Join(' ', f.EngagementDays.ToArray())} | "
                + $"{string.Join(' ', f.EngagementKinds.ToArray())}; opportunities {string.Join(' ', f.OpportunityOpened.ToArray())} | {string.Join(' ', f.OpportunityClosed.ToArray())}");
        }

        return rows;
    }
}
