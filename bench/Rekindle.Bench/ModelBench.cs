using System.Diagnostics;
using Rekindle.App.Csv;
using Rekindle.Models;
using Rekindle.Signals;

namespace Rekindle.Bench;

/// <summary>
/// Model figures: BG/NBD and Pareto/NBD fits on the CDNOW sample (2,357 customers) and master (23,570), and
/// P(alive) with the expectations for 1,000,000 customers (the master's summaries repeated).
/// </summary>
public static class ModelBench
{
    public static void Run(string sharedData, Figures figures)
    {
        var calibrationEnd = new DateOnly(1997, 9, 30);
        foreach (var (name, file) in new[] { ("CDNOW sample", "lifetimes/CDNOW_sample.txt"), ("CDNOW master", "lifetimes/CDNOW_master.txt") })
        {
            var errors = new InputErrors();
            var book = ExternalFormats.ToBook(ExternalFormats.Read(ExternalFormat.Cdnow, Path.Combine(sharedData, file), errors));
            var summaries = BookSummaries.From(book, calibrationEnd, TimeUnit.Weeks).Summaries;
            foreach (var kind in new[] { ModelKind.BgNbd, ModelKind.ParetoNbd })
            {
                var clock = Stopwatch.StartNew();
                var fit = ModelFitter.Fit(kind, summaries);
                figures.Add($"{kind.Name()} fit, {name}", clock.Elapsed, FormattableString.Invariant($"{fit.Customers:N0} customers, LL {fit.LogLikelihood:0.000}"));
            }

            if (name == "CDNOW master")
            {
                Score(summaries, figures);
            }
        }
    }

    private static void Score(CustomerSummaries master, Figures figures)
    {
        const int n = 1_000_000;
        var x = new double[n];
        var tx = new double[n];
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            var j = i % master.Count;
            x[i] = master.X[j];
            tx[i] = master.Tx[j];
            t[i] = master.T[j];
        }

        var million = new CustomerSummaries(x, tx, t);
        foreach (var kind in new[] { ModelKind.BgNbd, ModelKind.ParetoNbd })
        {
            var model = ModelFitter.CountModel(ModelFitter.Fit(kind, master));
            var clock = Stopwatch.StartNew();
            var scores = ModelScoring.Score(model, million, 39);
            figures.Add($"{kind.Name()}: P(alive), expected orders, P(no purchase) for 1,000,000 customers", clock.Elapsed, FormattableString.Invariant($"mean P(alive) {scores.ProbabilityAlive.Average():0.000}"));
        }
    }
}
