namespace Rekindle.Models;

/// <summary>
/// The entry point the CLI and the classification call: fit a model by kind on a summary set, and turn a usable
/// purchase-count fit into a model that scores customers (see <see cref="ModelScoring"/>).
/// </summary>
public static class ModelFitter
{
    /// <summary>Fits a model by maximum likelihood; never throws for data reasons (see <see cref="FitResult.Failure"/>).</summary>
    public static FitResult Fit(ModelKind kind, CustomerSummaries data, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= FitOptions.Default;
        return kind == ModelKind.GammaGamma ? FitGammaGamma(data, options) : FitCounts(kind, data, options);
    }

    /// <summary>The purchase-count model of a BG/NBD, MBG/NBD or Pareto/NBD fit (usable or not: check <see cref="FitResult.Usable"/>).</summary>
    public static IPurchaseModel CountModel(FitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (fit.Parameters.Count == 0)
        {
            throw new InvalidOperationException($"The {fit.Model.Name()} fit failed ({fit.Failure}); it has no parameters.");
        }

        return Create(fit.Model, fit.ValueArray());
    }

    /// <summary>The spend model of a Gamma-Gamma fit.</summary>
    public static GammaGamma SpendModel(FitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit.Model == ModelKind.GammaGamma && fit.Parameters.Count == 3
            ? GammaGamma.From(fit.ValueArray())
            : throw new InvalidOperationException("Not a completed Gamma-Gamma fit.");
    }

    internal static IPurchaseModel Create(ModelKind kind, double[] v) => kind switch
    {
        ModelKind.BgNbd => BgNbd.From(v),
        ModelKind.MbgNbd => MbgNbd.From(v),
        ModelKind.ParetoNbd => ParetoNbd.From(v),
        _ => throw new ArgumentException($"{kind} is not a purchase-count model.", nameof(kind)),
    };

    private static FitResult FitCounts(ModelKind kind, CustomerSummaries data, FitOptions options)
    {
        if (data.Count < options.MinimumCustomers)
        {
            return FitResult.Failed(kind, data.Count, FitFailure.TooFewCustomers, $"too few customers: {data.Count} (at least {options.MinimumCustomers} needed)");
        }

        var repeats = data.TotalRepeatPurchases;
        if (repeats <= 0)
        {
            return FitResult.Failed(kind, data.Count, FitFailure.NoRepeatPurchases, $"no repeat purchases at all among {data.Count} customers: nothing to estimate a purchase rate from");
        }

        var groups = SummaryGroups.From(data.X, data.Tx, data.T);
        var (r, alpha) = StartingValues.PurchaseRate(data);
        double[] start = kind == ModelKind.ParetoNbd ? [r, alpha, 1, alpha] : [r, alpha, 1, 3];
        var names = kind == ModelKind.ParetoNbd ? ParetoNbd.Names : BgNbd.Names;
        ILogLikelihood likelihood = kind switch
        {
            ModelKind.BgNbd => new BetaGeometricLikelihood(groups, 0),
            ModelKind.MbgNbd => new BetaGeometricLikelihood(groups, 1),
            _ => new ParetoLikelihood(groups),
        };

        var mle = MaximumLikelihood.Maximise(names, start, likelihood, options.MaximumIterations);
        var boundary = FitDiagnostics.CountBoundary(kind, mle, data.T.Max(), data.Unit, options, out var warnings);
        return Result(kind, names, mle, data.Count, boundary, warnings);
    }

    private static FitResult FitGammaGamma(CustomerSummaries data, FitOptions options)
    {
        var spend = data.MeanSpend ?? throw new ArgumentException("A Gamma-Gamma fit needs the mean spend column.", nameof(data));
        var x = new List<double>();
        var m = new List<double>();
        for (var i = 0; i < data.Count; i++)
        {
            if (data.X[i] > 0 && spend[i] > 0)
            {
                x.Add(data.X[i]);
                m.Add(spend[i]);
            }
        }

        if (x.Count < options.MinimumCustomers)
        {
            return x.Count == 0
                ? FitResult.Failed(ModelKind.GammaGamma, 0, FitFailure.NoRepeatPurchases, "no customer with a repeat purchase and a positive spend: nothing to fit spend on")
                : FitResult.Failed(ModelKind.GammaGamma, x.Count, FitFailure.TooFewCustomers, $"too few customers with repeat purchases: {x.Count} (at least {options.MinimumCustomers} needed)");
        }

        var groups = SummaryGroups.From([.. x], [.. m], new double[x.Count]);
        var start = StartingValues.Spend(groups);
        var mle = MaximumLikelihood.Maximise(GammaGamma.Names, start, new GammaGammaLikelihood(groups), options.MaximumIterations);
        var boundary = FitDiagnostics.SpendBoundary(mle, out var warnings);
        return Result(ModelKind.GammaGamma, GammaGamma.Names, mle, x.Count, boundary, warnings);
    }

    private static FitResult Result(ModelKind kind, IReadOnlyList<string> names, MleOutcome mle, int customers, bool boundary, List<string> warnings) => new()
    {
        Model = kind,
        Parameters = [.. names.Select((n, i) => new ParameterEstimate(n, mle.Values[i], mle.StandardErrors[i]))],
        LogLikelihood = mle.LogLikelihood,
        Customers = customers,
        Converged = mle.Converged,
        IsBoundary = boundary,
        Warnings = [.. mle.Warnings, .. warnings],
        Failure = mle.Converged ? FitFailure.None : FitFailure.NotConverged,
        Iterations = mle.Iterations,
    };
}
