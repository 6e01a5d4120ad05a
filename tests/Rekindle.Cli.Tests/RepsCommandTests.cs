namespace Rekindle.Cli.Tests;

/// <summary>Reps without a CSV folder: a CDNOW-style workspace gets reps to use the pool.</summary>
public class RepsCommandTests
{
    [Fact]
    public void AddListImport_WorkspaceWithoutRepsFolder_HasReps()
    {
        using var folder = new TempFolder();
        var db = folder.File("w.db");
        var added = Cli.Run("reps", "add", "R1", "--name", "Rita Rep", "--email", "rita@example.com", "--commission-rate", "0.04", "--db", db);
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Equal(3, Cli.Run("reps", "add", "R1", "--name", "Again", "--db", db).ExitCode);

        folder.Write("team.csv", "rep_id,name,email,commission_rate,active\nR2,Sam Seller,sam@example.com,0.05,true\nR3,Old Hand,old@example.com,0.03,false\n");
        var imported = Cli.Run("reps", "import", folder.File("team.csv"), "--db", db);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("2 new", imported.Out, StringComparison.Ordinal);

        var list = Cli.Run("reps", "list", "--format", "csv", "--db", db);
        Assert.Equal(
            ["rep_id,name,email,commission_rate,active", "R1,Rita Rep,rita@example.com,0.04,true", "R2,Sam Seller,sam@example.com,0.05,true", "R3,Old Hand,old@example.com,0.03,false"],
            list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Import_BadRow_Exit2NamingFileLineAndColumn()
    {
        using var folder = new TempFolder();
        folder.Write("team.csv", "rep_id,name,email,commission_rate,active\nR2,Sam,sam@example.com,lots,true\n");
        var result = Cli.Run("reps", "import", folder.File("team.csv"), "--db", folder.File("w.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("team.csv:2: column commission_rate", result.Error, StringComparison.Ordinal);
    }
}
