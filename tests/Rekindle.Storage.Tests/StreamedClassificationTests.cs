using Rekindle.App.Reports;
using Rekindle.App.Workspace;
using Rekindle.Common;
using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Storage.Tests;

/// <summary>Classification streamed from the database equals the classification of the whole book loaded into memory.</summary>
public class StreamedClassificationTests(GeneratedCompanies companies) : IClassFixture<GeneratedCompanies>
{
    private static readonly Policy[] Policies =
    [
        Policy.Default,
        Policy.Default with { EngagementKinds = [EngagementKind.Meeting, EngagementKind.CallAnswered], KeyMaxAccounts = 25 },
        Policy.Default with { EngagementKinds = [], FixedCycleDays = 45 },
    ];

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Classify_GeneratedCompany_EqualsTheLoadedBookOnEveryDateAndPolicy(WorkspaceProvider provider)
    {
        using var workspace = new TestWorkspace(provider);
        var import = Rk.Run(workspace, "import", companies.Of(600));
        Assert.True(import.ExitCode == 0, import.ToString());
        using var db = workspace.Open();
        var book = WorkspaceBook.Load(db).Book;

        foreach (var asOf in new[] { new DateOnly(2026, 11, 23), new DateOnly(2025, 6, 30), new DateOnly(2024, 1, 15) })
        {
            foreach (var policy in Policies)
            {
                var expected = LifecycleEngine.Classify(book, policy, asOf);
                // One range, and three ranges of at least 150 accounts (three connections, each merging its own rows).
                AssertSame(expected, StreamedClassification.Classify(db, policy, asOf, maxDegreeOfParallelism: 1));
                AssertSame(expected, StreamedClassification.Classify(db, policy, asOf, maxDegreeOfParallelism: 3, minAccountsPerRange: 150));
            }
        }
    }

    [Theory]
    [InlineData(WorkspaceProvider.Sqlite)]
    [PostgresData]
    public void Classify_IdsTheDatabaseSortsOtherwiseAndEngagementsOnOneDay_EqualsTheLoadedBook(WorkspaceProvider provider)
    {
        // The database sorts ids by code point (U+FF21 before U+1F600), .NET's ordinal order by UTF-16 unit (the
        // reverse); B2 and b1 differ by case. On 2026-10-02 account a1 has three counted engagements: the last one read
        // (the meeting) names the kind in its reasons.
        using var folder = new TempFolder()
            .Write("reps.csv", "rep_id,name,email,commission_rate,active\nR1,Ann,ann@x.example,0.05,true\n")
            .Write("accounts.csv",
                "account_id,name,industry,region,created_on,owner_rep_id\n" +
                "b1,Lower,Retail,EU,2024-01-01,R1\nB2,Upper,Retail,EU,2024-01-01,\n\uFF21x,Wide,Retail,EU,2024-01-01,R1\n" +
                "\U0001F600y,Smile,Retail,EU,2024-01-01,R1\na1,First,Retail,EU,2024-01-01,R1\nz9,Later,Retail,EU,2026-12-01,R1\n")
            .Write("orders.csv",
                "order_id,account_id,order_date,amount,currency,status\n" +
                "O1,a1,2025-01-10,100.00,USD,booked\nO2,a1,2025-03-10,250.50,USD,booked\nO3,a1,2025-05-10,80.00,USD,cancelled\n" +
                "O4,B2,2026-10-20,1000.00,USD,booked\nO5,\uFF21x,2025-02-01,40.00,USD,booked\nO6,\uFF21x,2025-04-01,45.00,USD,booked\n" +
                "O7,\U0001F600y,2026-11-01,10.00,USD,booked\nO8,b1,2024-06-01,5.00,USD,booked\nO9,a1,2026-12-01,70.00,USD,booked\n")
            .Write("engagements.csv",
                "engagement_id,account_id,date,kind,direction\n" +
                "E1,a1,2026-10-02,call_answered,outbound\nE2,a1,2026-10-02,email_click,inbound\nE3,a1,2026-10-02,meeting,outbound\n" +
                "E4,a1,2026-10-03,email_open,inbound\nE5,\uFF21x,2026-09-01,web_visit,inbound\nE6,b1,2026-12-01,meeting,outbound\n")
            .Write("opportunities.csv",
                "opportunity_id,account_id,opened_on,closed_on,stage,amount\n" +
                "P1,b1,2026-08-01,,proposal,500.00\nP2,B2,2026-01-01,2026-03-01,closed_won,900.00\n");
        using var workspace = new TestWorkspace(provider);
        var import = Rk.Run(workspace, "import", folder.Path);
        Assert.True(import.ExitCode == 0, import.ToString());
        using var db = workspace.Open();

        var asOf = new DateOnly(2026, 11, 23);
        var expected = LifecycleEngine.Classify(WorkspaceBook.Load(db).Book, Policy.Default, asOf);
        var streamed = StreamedClassification.Classify(db, Policy.Default, asOf, maxDegreeOfParallelism: 2, minAccountsPerRange: 2);

        AssertSame(expected, streamed);
        Assert.Equal(["B2", "a1", "b1", "z9", "\U0001F600y", "\uFF21x"], streamed.Book.Accounts.Select(a => a.Id));
        Assert.Contains("meeting on 2026-10-02", streamed.ReasonsOf(1), StringComparison.Ordinal);
        Assert.False(streamed[3].Exists);
        Assert.False(streamed.Book.HasFacts);
        Assert.Throws<InvalidOperationException>(() => streamed.Book.Facts(0));

        // rekindle classify on the workspace streams: its output is the loaded book's, byte for byte.
        var written = new StringWriter();
        ClassificationWriter.WriteCsv(expected, written);
        var fromWorkspace = Rk.Run(workspace, "classify", "--as-of", "2026-11-23", "--format", "csv");
        Assert.True(fromWorkspace.ExitCode == 0, fromWorkspace.ToString());
        Assert.Equal(written.ToString(), fromWorkspace.Out);
    }

    private static void AssertSame(BookClassification expected, BookClassification actual)
    {
        Assert.Equal(expected.AsOf, actual.AsOf);
        Assert.Equal(expected.PolicyVersion, actual.PolicyVersion);
        Assert.Equal(expected.CompanyCycle, actual.CompanyCycle);
        Assert.Equal(expected.Book.Accounts, actual.Book.Accounts);
        Assert.Equal(expected.Accounts, actual.Accounts);
        for (var a = 0; a < expected.Accounts.Count; a++)
        {
            if (expected[a].Exists)
            {
                Assert.Equal(expected.ReasonsOf(a), actual.ReasonsOf(a));
            }
        }
    }
}
