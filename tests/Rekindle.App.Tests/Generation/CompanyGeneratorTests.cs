using Rekindle.App.Generation;

namespace Rekindle.App.Tests.Generation;

public sealed class CompanyGeneratorTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);

    [Fact]
    public void GeneratorOptions_Defaults_ArePinned()
    {
        var options = new GeneratorOptions(AsOf);

        Assert.Equal(5_000, options.Accounts);
        Assert.Equal(25, options.Reps);
        Assert.Equal(3, options.Years);
        Assert.Equal(42, options.Seed);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_BadOptions_NamesEveryOption()
    {
        var problems = new GeneratorOptions(AsOf, Accounts: 0, Reps: -1, Years: 0).Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("accounts:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("reps:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("years:", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsAndWritesNothing()
    {
        var directory = TempDirectory();

        var error = Assert.Throws<ArgumentException>(() => CompanyGenerator.Generate(new GeneratorOptions(AsOf, Years: 99), directory));

        Assert.Contains("years:", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void Generate_SameOptionsTwice_ByteIdenticalFiles()
    {
        // More accounts than one batch (4,096), so batches written while the next is generated are covered.
        var options = new GeneratorOptions(AsOf, Accounts: 4_500, Reps: 12, Seed: 2024);
        var first = TempDirectory();
        var second = TempDirectory();
        try
        {
            var firstReport = CompanyGenerator.Generate(options, first);
            var secondReport = CompanyGenerator.Generate(options, second, maxDegreeOfParallelism: 1);

            Assert.Equal(firstReport, secondReport);
            foreach (var (file, _) in GeneratedFiles.All)
            {
                var a = File.ReadAllBytes(Path.Combine(first, file));
                var b = File.ReadAllBytes(Path.Combine(second, file));
                Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between two runs with the same options");
            }

            Assert.Empty(Directory.GetFiles(first, "*.partial"));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void Generate_OtherSeed_OtherCompany()
    {
        var first = TempDirectory();
        var second = TempDirectory();
        try
        {
            CompanyGenerator.Generate(new GeneratorOptions(AsOf, Accounts: 50, Seed: 1), first);
            CompanyGenerator.Generate(new GeneratorOptions(AsOf, Accounts: 50, Seed: 2), second);

            Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, GeneratedFiles.Orders)), File.ReadAllBytes(Path.Combine(second, GeneratedFiles.Orders)));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void Generate_FewerAccounts_SameAccountsAsThePrefixOfALargerCompany()
    {
        // Each account depends only on (seed, index): a small company is the start of a bigger one.
        var small = TempDirectory();
        var large = TempDirectory();
        try
        {
            CompanyGenerator.Generate(new GeneratorOptions(AsOf, Accounts: 100), small);
            CompanyGenerator.Generate(new GeneratorOptions(AsOf, Accounts: 4_200), large);

            var smallAccounts = File.ReadAllLines(Path.Combine(small, GeneratedFiles.Accounts));
            var largeAccounts = File.ReadAllLines(Path.Combine(large, GeneratedFiles.Accounts));
            Assert.Equal(smallAccounts, largeAccounts.Take(smallAccounts.Length));
            var smallOrders = File.ReadAllLines(Path.Combine(small, GeneratedFiles.Orders));
            Assert.Equal(smallOrders, File.ReadLines(Path.Combine(large, GeneratedFiles.Orders)).Take(smallOrders.Length));
        }
        finally
        {
            Directory.Delete(small, recursive: true);
            Directory.Delete(large, recursive: true);
        }
    }

    [Fact]
    public void Generate_Progress_ReportsEveryAccountAtTheEnd()
    {
        var directory = TempDirectory();
        var seen = new List<int>();
        try
        {
            CompanyGenerator.Generate(new GeneratorOptions(AsOf, Accounts: 5_000), directory, new SynchronousProgress(seen.Add));

            Assert.Equal(5_000, seen[^1]);
            Assert.Equal(seen.Order(), seen);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Generate_CancelledMidway_LeavesNoFileBehind()
    {
        var directory = TempDirectory();
        using var cancel = new CancellationTokenSource();
        try
        {
            Assert.ThrowsAny<OperationCanceledException>(() => CompanyGenerator.Generate(
                new GeneratorOptions(AsOf, Accounts: 12_000), directory, new SynchronousProgress(_ => cancel.Cancel()), cancellationToken: cancel.Token));

            Assert.Empty(Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), "rekindle-gen-" + Guid.NewGuid().ToString("N"));

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
