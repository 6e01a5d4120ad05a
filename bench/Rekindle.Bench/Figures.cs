using System.Globalization;
using System.Text;

namespace Rekindle.Bench;

/// <summary>The benchmark's figures as a Markdown table, printed and optionally appended to a file.</summary>
public sealed class Figures(string? path)
{
    private readonly StringBuilder text = new();

    public void Note(string line) => text.AppendLine(line).AppendLine().AppendLine("| step | seconds | notes |").AppendLine("| --- | ---: | --- |");

    public void Add(string step, TimeSpan elapsed, string notes)
    {
        var seconds = elapsed == TimeSpan.Zero ? "" : elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        text.AppendLine($"| {step} | {seconds} | {notes} |");
        Console.WriteLine($"{step,-58} {seconds,8}  {notes}");
    }

    public void Write()
    {
        if (path is not null)
        {
            File.AppendAllText(path, text.ToString() + Environment.NewLine);
        }
    }
}

/// <summary>The benchmark's arguments.</summary>
public sealed record Args(int Accounts, string? Data, DateOnly AsOf, string? Out, string? FromDb = null, string? Db = null, string? Connection = null, int LoadThreads = 0)
{
    public static Args Parse(string[] args)
    {
        var accounts = 100_000;
        var loadThreads = Environment.ProcessorCount;
        string? data = null, output = null, fromDb = null, db = null, connection = null;
        var asOf = new DateOnly(2026, 11, 1);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--accounts": accounts = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--data": data = args[i + 1]; break;
                case "--as-of": asOf = DateOnly.ParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--out": output = args[i + 1]; break;
                case "--from-db": fromDb = args[i + 1]; break;
                case "--db": db = args[i + 1]; break;
                case "--connection": connection = args[i + 1]; break;
                case "--load-threads": loadThreads = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return new Args(accounts, data, asOf, output, fromDb, db, connection, loadThreads);
    }
}
