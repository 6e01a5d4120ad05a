using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.Distributions;
using Rekindle.App.Csv;
using Rekindle.Models;
using Rekindle.Signals;

namespace Rekindle.Bench;

/// <summary>
/// Model figures (issue #17): every model's fit on the CDNOW sample (2,357 customers) and master (23,570), fit only,
/// the median of 10 runs after one warm-up, beside lifetimes 0.11.3's median of 10 on the same summaries (measured
/// for the issue on this machine kind) with the ratio and the target (10x faster than lifetimes); then P(alive),
/// expected orders and P(no purchase) for 1,000,000 synthesised customers (seeded BG/NBD draws at day resolution).
/// </summary>
public static class ModelBench
{
    private const int Runs = 10;

    /// <summary>lifetimes 0.11.3 fit-only medians in seconds, from issue #17.</summary>
    private static readonly Dictionary<(string, ModelKind), double> Lifetimes = new()
    {
        [("CDNOW sample", ModelKind.BgNbd)] = 0.093,
        [("CDNOW sample", ModelKind.MbgNbd)] = 0.089,
        [("CDNOW sample", ModelKind.GammaGamma)] = 0.047,
        [("CDNOW sample", ModelKind.ParetoNbd)] = 0.537,
        [("CDNOW master", ModelKind.BgNbd)] = 0.333,
        [("CDNOW master", ModelKind.MbgNbd)] = 0.332,
        [("CDNOW master", ModelKind.GammaGamma)] = 0.105,
        [("CDNOW master", ModelKind.ParetoNbd)] = 6.44,
    };

    public static void Run(string sharedData, Figures figures)
    {
        var calibrationEnd = new DateOnly(1997, 9, 30);
        foreach (var (name, file) in new[] { ("CDNOW sample", "lifetimes/CDNOW_sample.txt"), ("CDNOW master", "lifetimes/CDNOW_master.txt") })
        {
            var errors = new InputErrors();
            var book = ExternalFormats.ToBook(ExternalFormats.Read(ExternalFormat.Cdnow, Path.Combine(sharedData, file), errors));
            var summaries = BookSummaries.From(book, calibrationEnd, TimeUnit.Weeks).Summaries;
            foreach (var kind in new[] { ModelKind.BgNbd, ModelKind.MbgNbd, ModelKind.GammaGamma, ModelKind.ParetoNbd })
            {
                var fit = ModelFitter.Fit(kind, summaries);
                var (median, cpu) = Timing.MedianWithCpu(Runs, () => ModelFitter.Fit(kind, summaries));
                var lifetimes = Lifetimes[(name, kind)];
                var ratio = lifetimes / median.TotalSeconds;
                figures.Add($"{kind.Name()} fit, {name}", median, FormattableString.Invariant(
                    $"{median.TotalMilliseconds:0.0} ms wall ({cpu.TotalMilliseconds:0.0} ms CPU), median of {Runs}; lifetimes {lifetimes * 1000:0} ms; {ratio:0.0}x faster ({(ratio >= 10 ? "target 10x met" : "target 10x NOT met")}; by CPU time {lifetimes / cpu.TotalSeconds:0.0}x); {fit.Customers:N0} customers, LL {fit.LogLikelihood:0.000000}, {fit.Iterations} iterations"));
            }

            if (name == "CDNOW master")
            {
                Score(summaries, figures);
            }
        }
    }

    private static void Score(CustomerSummaries master, Figures figures)
    {
        var million = Synthesise(1_000_000, seed: 17);
        foreach (var (kind, target) in new[] { (ModelKind.BgNbd, 0.3), (ModelKind.ParetoNbd, 1.0) })
        {
            var model = ModelFitter.CountModel(ModelFitter.Fit(kind, master));
            var scores = ModelScoring.Score(model, million, 39);
            var (median, cpu) = Timing.MedianWithCpu(5, () => ModelScoring.Score(model, million, 39));
            figures.Add($"{kind.Name()}: P(alive), expected orders, P(no purchase) for 1,000,000 customers", median, FormattableString.Invariant(
                $"{median.TotalMilliseconds:0} ms wall ({cpu.TotalMilliseconds:0} ms CPU over {Environment.ProcessorCount} cores), median of 5; target < {target.ToString(CultureInfo.InvariantCulture)} s ({(median.TotalSeconds < target ? "met" : "NOT met")}); mean P(alive) {scores.ProbabilityAlive.Average():0.000}"));
        }
    }

    /// <summary>
    /// Seeded BG/NBD customers at day resolution: first purchase on one of 365 days, calibration end 546 days after the
    /// first of them (T in weeks), λ ~ Gamma(0.25, 4.4) per week, drop-out after each repeat purchase with p ~ Beta(0.8, 2.4).
    /// </summary>
    internal static CustomerSummaries Synthesise(int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var tx = new double[n];
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            var first = random.Next(0, 365);
            var days = 546 - first;
            var rate = Gamma.Sample(random, 0.25, 4.4) / 7;
            var dropOut = Beta.Sample(random, 0.8, 2.4);
            double clock = 0, last = 0, count = 0;
            while (rate > 0)
            {
                clock += Math.Max(1, Math.Round(-Math.Log(1 - random.NextDouble()) / rate));
                if (clock > days)
                {
                    break;
                }

                (last, count) = (clock, count + 1);
                if (random.NextDouble() < dropOut)
                {
                    break;
                }
            }

            (x[i], tx[i], t[i]) = (count, last / 7, days / 7.0);
        }

        return new CustomerSummaries(x, tx, t);
    }
}
