using System.Text;
using Rekindle.App.Csv;

namespace Rekindle.App.Tests.Csv;

/// <summary>
/// No line of a data file is a comment: a row whose first field starts with '#' (Shopify's order names, "#1001") is
/// read like any other, in every reader, and a line that cannot be read is an error with its line, never skipped.
/// </summary>
public sealed class NoCommentLinesTests : IDisposable
{
    private const string Accounts = "account_id,name,industry,region,created_on,owner_rep_id\n#A1,Acme,Retail,West,2024-01-01,\nA2,Bolt,Retail,West,2024-01-01,\n";
    private const string Orders = "order_id,account_id,order_date,amount,currency,status\n#1001,#A1,2025-03-01,30.00,USD,booked\n#1002,A2,2025-04-01,10.00,USD,booked\n";
    private readonly string folder = Directory.CreateTempSubdirectory("rekindle-hash-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(1, int.MaxValue)]
    [InlineData(2, 64)]
    public void BookLoader_RowsStartingWithHash_AreRead(int threads, int partBytes)
    {
        Write("accounts.csv", Accounts);
        Write("orders.csv", Orders + string.Concat(Enumerable.Range(3, 40).Select(i => $"#10{i:D2},A2,2025-05-{1 + (i % 28):D2},1.00,USD,booked\n")));

        var loaded = BookLoader.Load(folder, new LoadOptions { Chunking = new Chunking(threads, partBytes) });

        Assert.Equal(2, loaded.Book.AccountCount);
        Assert.Equal(42, loaded.Book.OrderCount);
    }

    [Fact]
    public void BookLoaderDirectory_OrderLinesOfHashOrders_AreRead()
    {
        Write("accounts.csv", Accounts);
        Write("orders.csv", Orders);
        Write("order_lines.csv", "order_id,line_no,sku,product_name,category,quantity,unit_price\n#1001,1,S1,Paper,Office,3,10.00\n");

        var directory = BookLoader.Load(folder, new LoadOptions { Directory = true }).Directory;

        Assert.Equal(["#1001"], directory.LinesOf("#A1").ToArray().Select(l => l.OrderId));
    }

    [Fact]
    public void ExternalFormats_CdnowLineStartingWithHash_IsRejectedWithItsLine()
    {
        Write("cdnow.txt", " 00001 19970101  1   11.77\n#00002 19970102  1   12.00\n");
        var errors = new InputErrors();

        var orders = ExternalFormats.Read(ExternalFormat.Cdnow, Path.Combine(folder, "cdnow.txt"), errors);

        Assert.Equal([(1, "1")], orders.Select(o => (o.Line, o.AccountId)));
        Assert.Contains("cdnow.txt:2: column customer_id value \"#00002\": a customer id is digits", errors.Describe());
    }

    /// <summary>A NUL-led line past the first 4 KiB (where the binary check looks) is an error on its line, not dropped.</summary>
    [Fact]
    public void CsvFile_LineStartingWithNul_IsAnErrorOnItsLine()
    {
        var rows = string.Concat(Enumerable.Range(1, 200).Select(i => $"O{i:D4},A2,2025-05-01,1.00,USD,booked\n"));
        Write("orders.csv", "order_id,account_id,order_date,amount,currency,status\n" + rows + "\0O9999,A2,2025-05-01,1.00,USD,booked\n");
        var errors = new InputErrors();

        using (var f = CsvSchema.Orders.Open(folder, errors)!)
        {
            while (f.Read())
            {
            }
        }

        Assert.Contains(errors.Describe(), l => l.StartsWith("orders.csv:202:", StringComparison.Ordinal) && l.Contains("NUL", StringComparison.Ordinal));
    }

    [Fact]
    public void CsvFile_BlankAndQuotedMultiLineRows_CountEveryLine()
    {
        Write("accounts.csv", "account_id,name,industry,region,created_on,owner_rep_id\nA1,\"Acme\nNorth\",Retail,West,2024-01-01,\n\nA2,Bolt,Retail,West,2024-01-01,\n");
        var errors = new InputErrors();
        var lines = new List<int>();

        using (var f = CsvSchema.Accounts.Open(folder, errors)!)
        {
            while (f.Read())
            {
                lines.Add(f.Line);
            }
        }

        Assert.False(errors.Any, string.Join("\n", errors.Describe()));
        Assert.Equal([2, 5], lines);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(folder, name), text, new UTF8Encoding(false));
}
