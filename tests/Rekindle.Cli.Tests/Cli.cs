using Microsoft.Extensions.Time.Testing;

namespace Rekindle.Cli.Tests;

/// <summary>Runs the rekindle command in-process with captured output and a fixed "today".</summary>
public static class Cli
{
    public static readonly DateTimeOffset Today = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Rekindle.Host.RekindleCommand.Run(args, new CliConsole(output, error, new FakeTimeProvider(Today)));
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Out, string Error);

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
