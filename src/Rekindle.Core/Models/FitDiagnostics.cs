using System.Globalization;
using MathNet.Numerics;

namespace Rekindle.Models;

/// <summary>
/// Says when a fit sits at the edge of the parameter space. For the count models the test that matters is drop-out:
/// the share of customers the fitted model expects to drop out within the longest observed history — for an average
/// buyer making k = (r/α)·T_max purchases, 1 - B(a, b+k)/B(a, b) for the BG/NBD (b+k+1 for the MBG/NBD, which adds
/// the drop-out chance at the first purchase), 1 - (β/(β+T_max))^s for the Pareto/NBD. Below
/// <see cref="FitOptions.DropOutBoundaryShare"/> the fit has found no drop-out (a → 0 or b → ∞; s → 0 or β → ∞),
/// as on wholesale accounts that keep buying, and its P(alive) says nothing.
/// </summary>
internal static class FitDiagnostics
{
    private const double WeakRelativeError = 2;

    public static bool CountBoundary(ModelKind kind, MleOutcome mle, double longestT, TimeUnit unit, FitOptions options, out List<string> warnings)
    {
        warnings = [];
        var v = mle.Values;
        var span = $"{F(longestT)} {unit.ToString().ToLowerInvariant()}";
        double share;
        string detail;
        if (kind == ModelKind.ParetoNbd)
        {
            share = -LogMath.ExpM1(-v[2] * LogMath.Log1p(longestT / v[3]));
            detail = $"s = {F(v[2])}, beta = {F(v[3])}: mean drop-out rate s/beta = {F(v[2] / v[3])} per {unit.ToString().ToLowerInvariant()[..^1]}";
        }
        else
        {
            var k = v[0] / v[1] * longestT + (kind == ModelKind.MbgNbd ? 1 : 0);
            share = -LogMath.ExpM1(SpecialFunctions.BetaLn(v[2], v[3] + k) - SpecialFunctions.BetaLn(v[2], v[3]));
            detail = $"a = {F(v[2])}, b = {F(v[3])}: mean drop-out probability per purchase a/(a+b) = {F(v[2] / (v[2] + v[3]))}";
        }

        share = Math.Max(0, share);
        var boundary = false;
        if (share < options.DropOutBoundaryShare)
        {
            boundary = true;
            warnings.Add($"no drop-out detected: the fit expects {share:P2} of customers to drop out within {span} ({detail}); "
                + "its P(alive) and dormancy calls are not meaningful and it should not be used to call accounts dormant");
        }

        var heterogeneityFlat = mle.AtBound[0] && mle.AtBound[1];
        if (heterogeneityFlat)
        {
            warnings.Add($"no heterogeneity in purchase rates: r = {F(v[0])} and alpha = {F(v[1])} ran to the edge of the search range together (every customer buys at about r/alpha = {F(v[0] / v[1])})");
        }

        boundary |= AtBoundWarnings(mle, kind == ModelKind.ParetoNbd ? ParetoNbd.Names : BgNbd.Names, heterogeneityFlat ? 2 : 0, warnings);
        WeakWarnings(mle, kind == ModelKind.ParetoNbd ? ParetoNbd.Names : BgNbd.Names, warnings);
        return boundary;
    }

    public static bool SpendBoundary(MleOutcome mle, out List<string> warnings)
    {
        warnings = [];
        var boundary = AtBoundWarnings(mle, GammaGamma.Names, 0, warnings);
        if (mle.Values[1] <= 1)
        {
            boundary = true;
            warnings.Add($"q = {F(mle.Values[1])} <= 1: the population mean spend is infinite; spend forecasts for customers without repeat purchases are undefined");
        }

        WeakWarnings(mle, GammaGamma.Names, warnings);
        return boundary;
    }

    private static bool AtBoundWarnings(MleOutcome mle, IReadOnlyList<string> names, int from, List<string> warnings)
    {
        var any = false;
        for (var i = from; i < names.Count; i++)
        {
            if (mle.AtBound[i])
            {
                any = true;
                warnings.Add($"{names[i]} = {F(mle.Values[i])} ran to the edge of the search range (→ {(mle.Values[i] > 1 ? "infinity" : "0")}): a boundary estimate");
            }
        }

        return any;
    }

    private static void WeakWarnings(MleOutcome mle, IReadOnlyList<string> names, List<string> warnings)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (!mle.AtBound[i] && mle.StandardErrors[i] is { } se && se > WeakRelativeError * mle.Values[i])
            {
                warnings.Add($"{names[i]} is weakly identified: standard error {F(se)} against an estimate of {F(mle.Values[i])}");
            }
        }
    }

    private static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
