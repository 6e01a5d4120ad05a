using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>
/// Heavy buyers, one-time buyers, very long histories and horizons, and parameters at the edges: every quantity stays
/// finite and probabilities stay in [0, 1]; BG/MBG values are checked against mpmath's ₂F₁ at 50 digits.
/// </summary>
public class StabilityTests
{
    public static TheoryData<IPurchaseModel> Models => new()
    {
        new BgNbd(0.242595, 4.413601, 0.792922, 2.425907),
        new MbgNbd(0.524843, 6.183086, 0.891359, 1.614001),
        new ParetoNbd(0.553277, 10.577683, 0.60624, 11.668751),
        new BgNbd(0.76, 9.77, 1e-7, 2e7),
        new BgNbd(0.3, 2.0, 0.2, 0.4),
        new BgNbd(0.25, 4, 1.0, 2.5),
        new MbgNbd(1e7, 1e8, 1e4, 1e-7),
        new ParetoNbd(0.76, 9.77, 1e-7, 6e7),
        new ParetoNbd(1e7, 1e6, 1.0, 1e-7),
        new ParetoNbd(0.5, 1e-7, 3.0, 1.0),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryQuantity_ExtremeCustomers_IsFiniteAndProbabilitiesInRange(IPurchaseModel model)
    {
        (double X, double Tx, double T)[] customers =
        [
            (5000, 1000, 1000), (5000, 999, 1000), (0, 0, 0), (0, 0, 38), (0, 0, 10000), (1, 1e-3, 10000), (3000, 9999, 10000), (2, 30.43, 38.86),
        ];
        foreach (var (x, tx, T) in customers)
        {
            Assert.True(double.IsFinite(model.LogLikelihood(x, tx, T)), $"LL {model} at {x},{tx},{T}");
            Assert.InRange(model.ProbabilityAlive(x, tx, T), 0, 1);
            foreach (var horizon in new[] { 0.0, 1, 52, 1000, 1e5 })
            {
                var expected = model.ExpectedPurchases(x, tx, T, horizon);
                Assert.True(double.IsFinite(expected) && expected >= 0, $"E {model} at {x},{tx},{T},{horizon}: {expected}");
                Assert.InRange(model.ProbabilityNoPurchase(x, tx, T, horizon), 0, 1);
            }
        }

        Assert.True(double.IsFinite(model.ExpectedPurchasesNewCustomer(1e5)));
    }

    /// <summary>(r, α, a, b, x, t_x, T, t) → BG/NBD E, P(alive), P(none) and MBG/NBD E, P(alive), P(none), from mpmath.</summary>
    [Theory]
    [InlineData(0.242595, 4.413601, 0.792922, 2.425907, 2, 30.43, 38.86, 39, 1.22590709464818, 0.726609156802242, 0.445392579905562, 1.34035247354439, 0.774447210298547, 0.408878672554479)]
    [InlineData(0.242595, 4.413601, 0.792922, 2.425907, 5000, 1000, 1000, 52, 253.677098954274, 0.999841485943117, 0.000158514056882736, 253.678105940539, 0.999841517625533, 0.000158482374467415)]
    [InlineData(0.242595, 4.413601, 0.792922, 2.425907, 0, 0, 10000, 52, 0.00125993604083902, 1, 0.998743118745165, 0.000402624086256667, 0.319499014377279, 0.999598427677891)]
    [InlineData(0.242595, 4.413601, 1.0, 2.425907, 3, 20, 30, 52, 2.02829328777273, 0.59248677743291, 0.43744418058999, 2.28031129645913, 0.64059902344394, 0.391762445555058)]
    [InlineData(0.3, 2.0, 0.2, 0.4, 0, 0, 30, 100, 0.682963185540067, 1, 0.653691464320558, 0.377059407834824, 0.465398038619236, 0.838828686737688)]
    [InlineData(0.242595, 4.413601, 0.792922, 2.425907, 1, 1, 40, 2000, 2.17006024879589, 0.18287811404657, 0.818691022261258, 3.26761605846616, 0.240159071625153, 0.761901548481883)]
    [InlineData(0.5, 5.0, 30.0, 5.0, 3, 20, 30, 52, 0.0797099868579103, 0.067048307196358, 0.935720601201811, 0.0923162141520844, 0.0758996449797383, 0.927234799023254)]
    [InlineData(0.76, 9.77, 0.000116, 1568, 10, 35, 40, 52, 11.2421060766998, 0.999999770185792, 0.000454571872103806, 11.2421060815344, 0.999999770331428, 0.000454571726533628)]
    public void BetaGeometricFamily_ConditionalQuantities_MatchMpmath(
        double r, double alpha, double a, double b, double x, double tx, double T, double horizon,
        double bgExpected, double bgAlive, double bgNone, double mbgExpected, double mbgAlive, double mbgNone)
    {
        var bg = new BgNbd(r, alpha, a, b);
        var mbg = new MbgNbd(r, alpha, a, b);

        Assert.Equal(bgExpected, bg.ExpectedPurchases(x, tx, T, horizon), bgExpected * 1e-9);
        Assert.Equal(bgAlive, bg.ProbabilityAlive(x, tx, T), 12);
        Assert.Equal(bgNone, bg.ProbabilityNoPurchase(x, tx, T, horizon), 12);
        Assert.Equal(mbgExpected, mbg.ExpectedPurchases(x, tx, T, horizon), mbgExpected * 1e-9);
        Assert.Equal(mbgAlive, mbg.ProbabilityAlive(x, tx, T), 12);
        Assert.Equal(mbgNone, mbg.ProbabilityNoPurchase(x, tx, T, horizon), 12);
    }
}
