using System.Diagnostics;
using Rekindle.Models;
using Xunit.Abstractions;

namespace Rekindle.Core.Tests.Models;

public class ModelFitterTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("bgnbd", ModelKind.BgNbd)]
    [InlineData("mbgnbd", ModelKind.MbgNbd)]
    [InlineData("pareto-nbd", ModelKind.ParetoNbd)]
    [InlineData("gamma-gamma", ModelKind.GammaGamma)]
    [InlineData(" Pareto_NBD ", ModelKind.ParetoNbd)]
    public void Parse_CliNames_GiveTheModel(string text, ModelKind expected)
    {
        Assert.Equal(expected, ModelKinds.Parse(text));
        Assert.True(ModelKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void Parse_UnknownName_ListsTheAcceptedOnes()
    {
        var error = Assert.Throws<FormatException>(() => ModelKinds.Parse("weibull"));
        Assert.Contains("bgnbd|mbgnbd|pareto-nbd|gamma-gamma", error.Message, StringComparison.Ordinal);
        Assert.Equal("pareto-nbd", ModelKind.ParetoNbd.Name());
    }

    [Fact]
    public void FitOptions_Defaults_ArePinned()
    {
        Assert.Equal(10, FitOptions.Default.MinimumCustomers);
        Assert.Equal(500, FitOptions.Default.MaximumIterations);
        Assert.Equal(0.01, FitOptions.Default.DropOutBoundaryShare);
    }

    [Theory]
    [InlineData(ModelKind.BgNbd)]
    [InlineData(ModelKind.ParetoNbd)]
    public void Score_AMillionCustomers_IsFastAndFinite(ModelKind kind)
    {
        var model = ModelFitter.CountModel(Datasets.CdnowFit(kind));
        var cdnow = Datasets.CdnowSummary;
        const int n = 1_000_000;
        double[] x = new double[n], tx = new double[n], T = new double[n];
        for (var i = 0; i < n; i++)
        {
            var j = i % cdnow.Count;
            (x[i], tx[i], T[i]) = (cdnow.X[j], cdnow.Tx[j], cdnow.T[j] + (i / cdnow.Count % 50));
        }

        var data = new CustomerSummaries(x, tx, T);
        var watch = Stopwatch.StartNew();
        var scores = ModelScoring.Score(model, data, 13);
        output.WriteLine($"{kind}: scored {n:N0} customers in {watch.ElapsedMilliseconds} ms");

        Assert.All(scores.ProbabilityAlive, p => Assert.InRange(p, 0, 1));
        Assert.All(scores.ExpectedPurchases, e => Assert.True(double.IsFinite(e) && e >= 0));
        Assert.All(scores.ProbabilityNoPurchase, p => Assert.InRange(p, 0, 1));
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 15);
    }

    [Fact]
    public void Clv_NoDiscount_IsSpendTimesExpectedPurchases()
    {
        var model = ModelFitter.CountModel(Datasets.CdnowFit(ModelKind.BgNbd));

        var undiscounted = Clv.Value(model, 2, 30.43, 38.86, 24.65, 52, 1, 0);
        var discounted = Clv.Value(model, 2, 30.43, 38.86, 24.65, 52, 1, 0.01);

        Assert.Equal(24.65 * model.ExpectedPurchases(2, 30.43, 38.86, 52), undiscounted, 1e-9);
        Assert.InRange(discounted, 0.7 * undiscounted, undiscounted);
    }

    [Fact]
    public void Clv_CdnowBase_UsesGammaGammaSpend()
    {
        var model = ModelFitter.CountModel(Datasets.CdnowFit(ModelKind.ParetoNbd));
        var spend = ModelFitter.SpendModel(Datasets.CdnowFit(ModelKind.GammaGamma));

        var values = Clv.Values(model, spend, Datasets.CdnowSummary, 12, 4.33, 0.01);

        Assert.All(values, v => Assert.True(double.IsFinite(v) && v >= 0));
        Assert.True(values.Max() > 10 * values.Average());
    }
}
