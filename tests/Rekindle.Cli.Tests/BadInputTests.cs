namespace Rekindle.Cli.Tests;

/// <summary>Bad input: exit code 2, file, line, column, value and reason on stderr, no output file, no stack trace.</summary>
public class BadInputTests
{
    private const string Accounts = "account_id,name,industry,region,created_on,owner_rep_id\nA1,Acme,Retail,EU,2024-01-01,R1\nA2,Beta,Retail,EU,2024-01-01,R1\n";
    private const string OrdersHeader = "order_id,account_id,order_date,amount,currency,status\n";

    private static (CliResult Result, bool OutputWritten) Classify(Action<TempFolder> arrange)
    {
        using var folder = new TempFolder();
        folder.Write("accounts.csv", Accounts).Write("orders.csv", OrdersHeader + "O1,A1,2026-01-01,100.00,USD,booked\n");
        arrange(folder);
        var output = folder.File("out/result.csv");
        var result = Cli.Run("classify", "--data", folder.Path, "--as-of", "2026-06-30", "--format", "csv", "--out", output);
        return (result, File.Exists(output));
    }

    private static void AssertBadInput((CliResult Result, bool OutputWritten) run, string expectedMessage)
    {
        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains(expectedMessage, run.Result.Error, StringComparison.Ordinal);
        Assert.False(run.OutputWritten);
        Assert.DoesNotContain("   at ", run.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MistypedVerb_ErrorFirstWithDidYouMeanAndTheHelpCommand()
    {
        var result = Cli.Run("clasify", "--data", "x");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'classify' instead of 'clasify'?", result.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'rekindle --help' for usage.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MistypedOption_SuggestsTheOptionOfThatVerb()
    {
        var result = Cli.Run("classify", "--data", "x", "--formt", "csv");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean '--format' instead of '--formt'?", result.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'rekindle classify --help' for usage.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VerbOfAGroupWithoutTheGroup_SuggestsTheFullVerb()
    {
        var result = Cli.Run("claim", "A1");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did you mean 'pool claim' instead of 'claim'?", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_GroupWithoutVerb_ShowsItsHelp()
    {
        var result = Cli.Run("pool");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sweep", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Run_MistypedSubcommand_SuggestsTheSubcommand()
    {
        var result = Cli.Run("pool", "swep");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did you mean 'sweep' instead of 'swep'?", result.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'rekindle pool --help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage=;;")]
    [InlineData("Host=localhost;Port=notaport")]
    public void Run_MalformedConnectionString_Exit2NamingTheOption(string connection)
    {
        var result = Cli.Run("policy", "log", "--provider", "postgres", "--connection", connection);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--connection", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredFile()
    {
        AssertBadInput(Classify(f => File.Delete(f.File("orders.csv"))), "orders.csv: required file is missing");
    }

    [Fact]
    public void MissingRequiredColumn()
    {
        AssertBadInput(
            Classify(f => f.Write("orders.csv", "order_id,account_id,order_date,currency,status\nO1,A1,2026-01-01,USD,booked\n")),
            "orders.csv:1: column amount: required column is missing");
    }

    [Fact]
    public void BadDate()
    {
        AssertBadInput(
            Classify(f => f.Write("orders.csv", OrdersHeader + "O1,A1,2026-01-01,100,USD,booked\nO2,A1,2025-02-30,100,USD,booked\n")),
            "orders.csv:3: column order_date value \"2025-02-30\": not a valid date (expected yyyy-MM-dd, a real calendar day)");
    }

    [Fact]
    public void NonNumericAmount()
    {
        AssertBadInput(
            Classify(f => f.Write("orders.csv", OrdersHeader + "O1,A1,2026-01-01,1.000,USD,booked\nO2,A1,2026-01-02,12O.00,USD,booked\n")),
            "orders.csv:3: column amount value \"12O.00\": not a number");
    }

    [Fact]
    public void OrderForUnknownAccount()
    {
        AssertBadInput(
            Classify(f => f.Write("orders.csv", OrdersHeader + "O1,A9,2026-01-01,100,USD,booked\n")),
            "orders.csv:2: column account_id value \"A9\": unknown account (not in accounts.csv)");
    }

    [Fact]
    public void DuplicateOrderId()
    {
        AssertBadInput(
            Classify(f => f.Write("orders.csv", OrdersHeader + "O1,A1,2026-01-01,100,USD,booked\nO2,A1,2026-01-02,100,USD,booked\nO1,A2,2026-01-03,100,USD,booked\n")),
            "orders.csv:4: column order_id value \"O1\": duplicate id (first seen on line 2)");
    }

    [Fact]
    public void DuplicateAccountId()
    {
        AssertBadInput(
            Classify(f => f.Write("accounts.csv", Accounts + "A1,Again,Retail,EU,2024-01-01,R1\n")),
            "accounts.csv:4: column account_id value \"A1\": duplicate id (first seen on line 2)");
    }

    [Fact]
    public void CurrencyOtherThanTheReportingOne()
    {
        AssertBadInput(
            Classify(f => f.Write("orders.csv", OrdersHeader + "O1,A1,2026-01-01,100,USD,booked\nO2,A1,2026-01-02,100,EUR,booked\n")),
            "orders.csv:3: column currency value \"EUR\": not the reporting currency USD, and no rate is given for it (rates.csv)");
    }

    [Fact]
    public void UnknownStatus()
    {
        AssertBadInput(
            Classify(f => f.Write("orders.csv", OrdersHeader + "O1,A1,2026-01-01,100,USD,shipped\n")),
            "orders.csv:2: column status value \"shipped\": expected booked, cancelled or refunded");
    }

    [Fact]
    public void NegativeAmountOnABookedOrder()
    {
        AssertBadInput(
            Classify(f => f.Write("orders.csv", OrdersHeader + "O1,A1,2026-01-01,-5,USD,booked\n")),
            "orders.csv:2: column amount value \"-5\": a booked order cannot have a negative amount");
    }

    [Fact]
    public void TruncatedLastLine()
    {
        AssertBadInput(
            Classify(f => f.Write("orders.csv", OrdersHeader + "O1,A1,2026-01-01,100,USD,booked\nO2,A1,2026-01")),
            "orders.csv:3: the row has 3 field(s) but the header has 6");
    }

    [Fact]
    public void EngagementOfUnknownKind()
    {
        AssertBadInput(
            Classify(f => f.Write("engagements.csv", "engagement_id,account_id,date,kind,direction\nE1,A1,2026-01-01,telepathy,inbound\n")),
            "engagements.csv:2: column kind value \"telepathy\": unknown engagement kind");
    }

    [Fact]
    public void ManyErrors_AreAllReportedWithACount()
    {
        var rows = string.Concat(Enumerable.Range(1, 150).Select(i => $"O{i},A1,2026-13-01,100,USD,booked\n"));
        var run = Classify(f => f.Write("orders.csv", OrdersHeader + rows));
        AssertBadInput(run, "... and 50 more error(s)");
        Assert.Contains("150 error(s); nothing was written.", run.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedCommasAndCrlfLineEnds_AreRead()
    {
        using var folder = new TempFolder();
        folder.Write("accounts.csv", "\uFEFFaccount_id,name,industry,region,created_on,owner_rep_id\r\nA1,\"Acme, \"\"The\"\" Company\",Retail,EU,2024-01-01,R1\r\n")
            .Write("orders.csv", OrdersHeader.Replace("\n", "\r\n", StringComparison.Ordinal) + "O1,A1,2026-01-01,100,USD,booked\r\n");
        var result = Cli.Run("classify", "--data", folder.Path, "--as-of", "2026-06-30", "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("A1,\"Acme, \"\"The\"\" Company\",R1,occasional", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void BadAsOfOption_IsAUsageError()
    {
        using var folder = new TempFolder();
        var result = Cli.Run("classify", "--data", folder.Path, "--as-of", "2026-02-30");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2026-02-30 is not a valid date", result.Error, StringComparison.Ordinal);
    }
}
