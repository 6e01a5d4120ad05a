namespace Rekindle.Cli.Tests;

/// <summary>The layers: the CLI's verbs reference no web code; only the host (the executable) references both.</summary>
public class LayeringTests
{
    [Fact]
    public void Cli_ReferencesNoWebCode()
    {
        var references = typeof(CliApp).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Rekindle.Web", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains("Rekindle.App", references);
    }

    [Fact]
    public void Host_HasTheWebVerbs()
    {
        var result = Cli.Run("serve", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--schedule", result.Out, StringComparison.Ordinal);
    }
}
