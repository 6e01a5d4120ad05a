using Rekindle.App.Csv;
using Rekindle.Common;
using Rekindle.Reactivation;

namespace Rekindle.App.Tests.Csv;

/// <summary>The directory (contacts, order lines, reps) read in the same load as the book, through the folder's one reader.</summary>
public class BookDirectoryTests
{
    private const string Accounts = "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,West,2024-01-01,R1\nA2,Bolt,Retail,West,2024-01-01,R1\n";
    private const string Orders = "order_id,account_id,order_date,amount,currency,status\nO1,A1,2025-03-01,30.00,USD,booked\nO2,A1,2025-01-01,10.00,USD,refunded\n";

    [Fact]
    public void Load_Folder_JoinsLinesToTheirOrdersAndHonoursOptOuts()
    {
        using var folder = Folder(
            ("contacts.csv", "contact_id,account_id,name,role,email,phone,social,postal_address,opt_out\nC1,A1,Ann Lee,Buyer,ann@acme.example,+1 555,,,email\nC2,A2,Bo,Owner,,,,,\n"),
            ("order_lines.csv", "order_id,line_no,sku,product_name,category,quantity,unit_price\nO1,1,S1,Paper,Office,3,10.00\nO2,1,S2,Pens,Office,1,10.00\n"),
            ("reps.csv", "rep_id,name,email,commission_rate,active\nR1,Rita Ray,rita@example.com,0.05,true\n"));

        var directory = Load(folder.Path).Directory;

        Assert.Equal(ChannelSet.Phone, directory.ReachableChannels("A1"));
        Assert.Equal(ChannelSet.None, directory.ReachableChannels("A2"));
        var lines = directory.LinesOf("A1").ToArray();
        Assert.Equal(["O2", "O1"], lines.Select(l => l.OrderId));
        Assert.Equal((new DateOnly(2025, 3, 1), OrderStatus.Booked, 30.00m), (lines[1].OrderDate, lines[1].Status, lines[1].Amount));
        Assert.Equal("Rita Ray", directory.Rep("R1")?.Name);
    }

    [Fact]
    public void Load_BadRows_NameFileLineColumnAndValue()
    {
        using var folder = Folder(
            ("contacts.csv", "contact_id,account_id,name,role,email,phone,social,postal_address,opt_out\nC1,A1,Ann,Buyer,a@x,,,,fax\nC2,A9,Bo,Owner,b@x,,,,\n"),
            ("order_lines.csv", "order_id,line_no,sku,product_name,category,quantity,unit_price\nO9,1,S1,Paper,Office,3,10.00\nO1,0,S1,Paper,Office,x,10.00\n"));

        var e = Assert.Throws<InputException>(() => Load(folder.Path));

        var lines = e.Errors.Describe().ToList();
        Assert.Contains("contacts.csv:2: column opt_out value \"fax\": unknown channel (expected email, phone, social, postal, joined by ';')", lines);
        Assert.Contains("contacts.csv:3: column account_id value \"A9\": unknown account (not in accounts.csv)", lines);
        Assert.Contains("order_lines.csv:2: column order_id value \"O9\": unknown order (not in orders.csv)", lines);
        Assert.Contains("order_lines.csv:3: column line_no value \"0\": a line number starts at 1", lines);
        Assert.Contains(lines, l => l.StartsWith("order_lines.csv:3: column quantity value \"x\"", StringComparison.Ordinal));
    }

    /// <summary>A fractional quantity is refused here as the workspace import refuses it: one rule for every path.</summary>
    [Fact]
    public void Load_FractionalQuantity_IsRejectedLikeTheImportDoes()
    {
        using var folder = Folder(("order_lines.csv", "order_id,line_no,sku,product_name,category,quantity,unit_price\nO1,1,S1,Paper,Office,2.5,10.00\n"));

        var e = Assert.Throws<InputException>(() => Load(folder.Path));

        Assert.Contains("order_lines.csv:2: column quantity value \"2.5\": not a whole number", e.Errors.Describe());
    }

    private static LoadedBook Load(string folder) => BookLoader.Load(folder, new LoadOptions { Directory = true });

    private static TempDir Folder(params (string Name, string Text)[] files)
    {
        var folder = new TempDir();
        File.WriteAllText(System.IO.Path.Combine(folder.Path, "accounts.csv"), Accounts);
        File.WriteAllText(System.IO.Path.Combine(folder.Path, "orders.csv"), Orders);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(folder.Path, name), text);
        }

        return folder;
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("rekindle-directory-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
