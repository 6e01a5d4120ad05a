using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>₂F₁ against values computed with mpmath at 40 digits (log of the value, since some overflow doubles).</summary>
public class HypergeometricTests
{
    [Theory]
    [InlineData(1, 1, 2, 0.5, 0.32663425997828098)]
    [InlineData(0.243, 2.426, 2.219, 0.947, 0.87483134332107801)]
    [InlineData(2.5, 1.5, 4.25, 0.3, 0.30257417549087569)]
    [InlineData(5000.24, 5002.43, 5002.22, 0.3, 1783.5351984794349)]
    [InlineData(5000.24, 5002.43, 5002.22, 0.9, 11513.961553432645)]
    [InlineData(26.553, 1.606, 27.553, 0.0434, 0.06862109811789954)]
    [InlineData(0.553, 1.606, 2.159, 0.99, 1.3382608469140317)]
    [InlineData(1, 0.8, 30, 0.999, 0.027944441865656343)]
    [InlineData(3, 2, 1.5, 0.95, 10.856931204860598)]
    [InlineData(0.5, 0.5, 1.5, 0.9999, 0.44524605262447504)]
    public void LogGauss2F1_KnownValues_MatchesMpmath(double a, double b, double c, double z, double expectedLog)
    {
        var actual = Hypergeometric.LogGauss2F1(a, b, c, z);
        Assert.Equal(expectedLog, actual, Math.Max(1e-11, Math.Abs(expectedLog) * 1e-12));
    }

    [Fact]
    public void Gauss2F1_ElementaryCases_MatchClosedForms()
    {
        // 2F1(1,1;2;z) = -ln(1-z)/z and 2F1(a,b;b;z) = (1-z)^-a.
        Assert.Equal(-Math.Log(1 - 0.25) / 0.25, Hypergeometric.Gauss2F1(1, 1, 2, 0.25), 1e-14);
        Assert.Equal(Math.Pow(1 - 0.6, -2.5), Hypergeometric.Gauss2F1(2.5, 3.2, 3.2, 0.6), 1e-12);
        Assert.Equal(1, Hypergeometric.Gauss2F1(2, 3, 4, 0));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void Gauss2F1_ArgumentOutsideRange_Throws(double z) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.Gauss2F1(1, 1, 2, z));
}
