using System.Globalization;

namespace Rekindle.Bench.Load;

/// <summary>
/// <c>load</c>'s options: <c>--accounts N</c> (100,000), <c>--provider sqlite|postgres</c>, <c>--db FILE</c> (SQLite),
/// <c>--connection CS</c> (PostgreSQL server; default $REKINDLE_TEST_POSTGRES), <c>--data DIR</c> (a generated company),
/// <c>--clients N</c> (50), <c>--requests N</c> (account-list requests, 2,000), <c>--claims N</c> (500),
/// <c>--out FILE</c> (append the figures' table rows as markdown), <c>--prepare-only</c>.
/// </summary>
internal sealed record LoadOptions
{
    public int Accounts { get; init; } = 100_000;
    public string Provider { get; init; } = "sqlite";
    public string? Db { get; init; }
    public string? Connection { get; init; }
    public string? Data { get; init; }
    public int Clients { get; init; } = 50;
    public int Requests { get; init; } = 2_000;
    public int Claims { get; init; } = 500;
    public string? Out { get; init; }
    public bool PrepareOnly { get; init; }
    public DateOnly AsOf { get; init; } = new(2026, 6, 30);

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--accounts" => o with { Accounts = Number() },
                "--provider" => o with { Provider = Next() is "sqlite" or "postgres" ? args[i] : throw new ArgumentException("--provider is sqlite or postgres") },
                "--db" => o with { Db = Next() },
                "--connection" => o with { Connection = Next() },
                "--data" => o with { Data = Next() },
                "--clients" => o with { Clients = Number() },
                "--requests" => o with { Requests = Number() },
                "--claims" => o with { Claims = Number() },
                "--out" => o with { Out = Next() },
                "--prepare-only" => o with { PrepareOnly = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return o;
    }
}
