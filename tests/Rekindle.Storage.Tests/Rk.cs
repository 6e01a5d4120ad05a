using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Rekindle.App.Generation;
using Rekindle.Cli;

namespace Rekindle.Storage.Tests;

/// <summary>Runs the rekindle command in-process (or as a child process) with a fixed "today".</summary>
public static class Rk
{
    public static readonly DateTimeOffset Today = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static CliResult Run(TestWorkspace workspace, params string[] args) => Run([.. args, .. workspace.Args]);

    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Rekindle.Host.RekindleCommand.Run(args, new CliConsole(output, error, new FakeTimeProvider(Today)));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Starts the built rekindle as a child process (for tests that kill it).</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "rekindle.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }
}

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>A fresh temporary folder, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rekindle-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public TempFolder Write(string name, string content)
    {
        System.IO.File.WriteAllText(File(name), content);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Generated companies shared by the tests of a class (generation is deterministic by seed).</summary>
public sealed class GeneratedCompanies : IDisposable
{
    private readonly TempFolder root = new();
    private readonly Dictionary<int, string> made = [];

    /// <summary>The folder of a generated company with <paramref name="accounts"/> accounts (seed 7, as of 2026-11-23).</summary>
    public string Of(int accounts)
    {
        lock (made)
        {
            if (!made.TryGetValue(accounts, out var folder))
            {
                folder = root.File($"company-{accounts}");
                CompanyGenerator.Generate(new GeneratorOptions(new DateOnly(2026, 11, 23), accounts, Reps: 12, Years: 3, Seed: 7), folder);
                File.Delete(System.IO.Path.Combine(folder, "truth.csv"));
                made[accounts] = folder;
            }

            return folder;
        }
    }

    public void Dispose() => root.Dispose();
}
