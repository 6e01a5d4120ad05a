namespace Rekindle.Models;

/// <summary>A fitted parameter: its maximum-likelihood value and standard error (null when the Hessian gave none).</summary>
public readonly record struct ParameterEstimate(string Name, double Value, double? StandardError);

/// <summary>Why a fit produced no usable estimate.</summary>
public enum FitFailure
{
    /// <summary>The fit ran.</summary>
    None,

    /// <summary>Fewer customers than <see cref="FitOptions.MinimumCustomers"/>.</summary>
    TooFewCustomers,

    /// <summary>Nobody bought twice: the repeat-purchase process cannot be estimated.</summary>
    NoRepeatPurchases,

    /// <summary>The optimiser stopped without meeting its convergence criteria.</summary>
    NotConverged,
}

/// <summary>
/// The honest outcome of a maximum-likelihood fit: estimates with standard errors, the log-likelihood, how many
/// customers it used, whether the optimiser converged, and warnings. <see cref="IsBoundary"/> marks a fit that ran to
/// the edge of the parameter space (typically "no drop-out": BG/NBD a → 0 or b → ∞, Pareto/NBD s → 0 or β → ∞); such a
/// model must not be used to call customers dormant, and <see cref="Usable"/> is false.
/// </summary>
public sealed record FitResult
{
    /// <summary>The model fitted.</summary>
    public required ModelKind Model { get; init; }

    /// <summary>Estimates in the paper's parameter order (empty when the fit failed before optimising).</summary>
    public required IReadOnlyList<ParameterEstimate> Parameters { get; init; }

    /// <summary>Maximised log-likelihood (NaN only when the fit failed before optimising).</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>Customers the likelihood covers (for Gamma-Gamma: those with at least one repeat purchase).</summary>
    public required int Customers { get; init; }

    /// <summary>Whether the optimiser met its convergence criteria.</summary>
    public required bool Converged { get; init; }

    /// <summary>Whether the estimate lies at the boundary of the parameter space.</summary>
    public required bool IsBoundary { get; init; }

    /// <summary>Everything a reader of the fit should know, e.g. "no drop-out detected: ...".</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Why the fit failed, or <see cref="FitFailure.None"/>.</summary>
    public FitFailure Failure { get; init; }

    /// <summary>Optimiser iterations used.</summary>
    public int Iterations { get; init; }

    /// <summary>Whether the model may be used to score customers: it ran, converged and is not at the boundary.</summary>
    public bool Usable => Failure == FitFailure.None && Converged && !IsBoundary;

    /// <summary>The parameters as name → value.</summary>
    public IReadOnlyDictionary<string, double> Values => Parameters.ToDictionary(p => p.Name, p => p.Value);

    /// <summary>A parameter's value by name.</summary>
    public double this[string name] => Parameters.First(p => p.Name == name).Value;

    /// <summary>A parameter's standard error by name (null when unavailable).</summary>
    public double? StandardError(string name) => Parameters.First(p => p.Name == name).StandardError;

    /// <summary>The parameter values in order.</summary>
    public double[] ValueArray() => [.. Parameters.Select(p => p.Value)];

    /// <summary>A fit that did not run, with its reason.</summary>
    internal static FitResult Failed(ModelKind model, int customers, FitFailure failure, string message) => new()
    {
        Model = model,
        Parameters = [],
        LogLikelihood = double.NaN,
        Customers = customers,
        Converged = false,
        IsBoundary = false,
        Warnings = [message],
        Failure = failure,
    };
}

/// <summary>Fit settings with documented defaults.</summary>
public sealed record FitOptions
{
    /// <summary>Default <see cref="MinimumCustomers"/>.</summary>
    public const int DefaultMinimumCustomers = 10;

    /// <summary>Default <see cref="MaximumIterations"/>.</summary>
    public const int DefaultMaximumIterations = 500;

    /// <summary>Default <see cref="DropOutBoundaryShare"/>: below 1% expected drop-out the fit says "no drop-out".</summary>
    public const double DefaultDropOutBoundaryShare = 0.01;

    /// <summary>The defaults.</summary>
    public static readonly FitOptions Default = new();

    /// <summary>Fewer customers than this and the fit refuses.</summary>
    public int MinimumCustomers { get; init; } = DefaultMinimumCustomers;

    /// <summary>Cap on optimiser iterations.</summary>
    public int MaximumIterations { get; init; } = DefaultMaximumIterations;

    /// <summary>
    /// A count model whose fit expects fewer than this share of customers to drop out over the longest observed
    /// history has found no drop-out: it is flagged as a boundary fit.
    /// </summary>
    public double DropOutBoundaryShare { get; init; } = DefaultDropOutBoundaryShare;
}
