namespace Rekindle.Models;

/// <summary>
/// Where the optimiser starts: method-of-moments estimates, so that it begins near the maximum. For the purchase
/// rate λ ~ Gamma(r, α) of the count models, with m = Σx / ΣT and x | T negative binomial (ignoring drop-out),
/// E[(x - mT)²] = mT + vT² with v = r/α² gives v = Σ((x - mT)² - mT) / ΣT², then r = m²/v and α = m/v. For
/// Gamma-Gamma, E[m_x] = pγ/(q-1) = μ and E[m_x²] = A + B/x with A = p²c, B = pc, c = γ²/((q-1)(q-2)): a weighted
/// least-squares line in 1/x gives p = A/B, then k = A/μ² = (q-1)/(q-2) gives q and γ. Where a moment is not
/// usable (no spread, q ≤ 2) the start falls back to fixed, safe values.
/// </summary>
internal static class StartingValues
{
    public static (double R, double Alpha) PurchaseRate(CustomerSummaries data)
    {
        double sumX = 0, sumT = 0, sumT2 = 0;
        for (var i = 0; i < data.Count; i++)
        {
            sumX += data.X[i];
            sumT += data.T[i];
            sumT2 += data.T[i] * data.T[i];
        }

        var m = sumX / sumT;
        var spread = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            var d = data.X[i] - (m * data.T[i]);
            spread += (d * d) - (m * data.T[i]);
        }

        var v = spread / sumT2;
        return v > 0 && double.IsFinite(v) && double.IsFinite(m * m / v) ? (Math.Clamp(m * m / v, 1e-3, 1e3), Math.Clamp(m / v, 1e-3, 1e6)) : (1, 1 / m);
    }

    /// <summary>Starting (p, q, γ) from groups whose x is the purchase count and t_x the mean spend.</summary>
    public static double[] Spend(SummaryGroups g)
    {
        // Weighted least squares of m_x² on 1/x, and the mean of m_x.
        double n = 0, su = 0, suu = 0, sy = 0, suy = 0, mean = 0;
        for (var i = 0; i < g.Count; i++)
        {
            var (w, u, y) = (g.Weight[i], 1 / g.X[i], g.Tx[i] * g.Tx[i]);
            n += w;
            su += w * u;
            suu += w * u * u;
            sy += w * y;
            suy += w * u * y;
            mean += w * g.Tx[i];
        }

        mean /= n;
        var denominator = (n * suu) - (su * su);
        var slope = denominator > 0 ? ((n * suy) - (su * sy)) / denominator : double.NaN;
        var intercept = (sy - (slope * su)) / n;
        var p = intercept / slope;
        var k = intercept / (mean * mean);
        var q = ((2 * k) - 1) / (k - 1);
        var gamma = mean * (q - 1) / p;
        return slope > 0 && intercept > 0 && k > 1 && double.IsFinite(q) && p is > 1e-3 and < 1e4 && gamma > 0 && double.IsFinite(gamma)
            ? [p, q, gamma]
            : [1, 2, mean];
    }
}
