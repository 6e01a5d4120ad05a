using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Rekindle.Models;

/// <summary>What the optimiser found, on the natural scale.</summary>
internal sealed record MleOutcome(double[] Values, double?[] StandardErrors, double LogLikelihood, bool Converged, int Iterations, bool[] AtBound, List<string> Warnings);

/// <summary>A model's total log-likelihood over its data, evaluated at parameters e^θ with its gradient in θ.</summary>
internal interface ILogLikelihood
{
    /// <summary>Number of parameters.</summary>
    int Dimension { get; }

    /// <summary>The customers the likelihood covers (the optimiser works on the mean per customer).</summary>
    double Customers { get; }

    /// <summary>ln L at e^θ; writes ∂ ln L / ∂θ into <paramref name="gradient"/>.</summary>
    double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient);
}

/// <summary>
/// Maximum likelihood over positive parameters: MathNet's BFGS on θ = log(parameters) of the mean negative
/// log-likelihood with the model's gradient (Nelder-Mead, then BFGS again, when BFGS stops early), then a few Newton
/// steps with the Hessian from central differences of that gradient, to pin the optimum to many digits. Standard
/// errors come from that Hessian of the negative log-likelihood in θ, carried to the natural scale by the delta method
/// (SE(p) = p · SE(θ)). Parameters are kept within e^±18 (about 1.5e-8 to 6.6e7); reaching that edge is reported
/// through <see cref="MleOutcome.AtBound"/>.
/// </summary>
internal static class MaximumLikelihood
{
    public const double LogBound = 18;
    private const double HessianStep = 1e-4;
    private const double ConvergedGradient = 1e-5;
    private const int NewtonSteps = 4;

    /// <summary>
    /// A Newton step smaller than this in every log-parameter ends the polish: convergence is quadratic, so what is
    /// left is of order 1e-10 in θ and far below 1e-6 in the log-likelihood.
    /// </summary>
    private const double NewtonDone = 1e-5;

    /// <summary>BFGS stops at this largest mean gradient; the Newton steps, quadratically convergent, finish the job.</summary>
    private const double BfgsGradient = 1e-6;

    /// <summary>The objective where the likelihood is not finite: worse than any finite value.</summary>
    private const double Unusable = 1e300;

    public static MleOutcome Maximise(IReadOnlyList<string> names, double[] start, ILogLikelihood likelihood, int maximumIterations)
    {
        var problem = new Problem(likelihood);
        var theta = Vector<double>.Build.DenseOfEnumerable(start.Select(v => Math.Clamp(Math.Log(v), -LogBound, LogBound)));
        var warnings = new List<string>();
        var iterations = Bfgs(problem, ref theta, maximumIterations);
        if (problem.MeanGradient(theta).AbsoluteMaximum() > ConvergedGradient)
        {
            try
            {
                var simplex = new NelderMeadSimplex(1e-12, maximumIterations * 4);
                var polished = simplex.FindMinimum(ObjectiveFunction.Value(problem.Mean), problem.Best, Vector<double>.Build.Dense(theta.Count, 0.5));
                iterations += polished.Iterations;
            }
            catch (Exception e) when (e is MaximumIterationsException or OptimizationException)
            {
                iterations += maximumIterations * 4;
            }

            theta = problem.Best;
            iterations += Bfgs(problem, ref theta, maximumIterations);
        }

        theta = Newton(problem, Clamp(problem.Best), Math.Min(NewtonSteps, maximumIterations), out var hessian);
        var (total, totalGradient) = problem.TotalWithGradient(theta);
        var gradient = totalGradient.AbsoluteMaximum() / problem.Customers;
        var converged = gradient <= ConvergedGradient;
        if (!converged)
        {
            warnings.Add($"optimiser did not converge: largest gradient of the mean log-likelihood {gradient:G3} after {iterations} iterations");
        }

        var values = Natural(theta);
        var atBound = theta.Select(t => Math.Abs(t) >= LogBound - 1).ToArray();
        var errors = StandardErrors(hessian ?? problem.Hessian(theta), theta, names, warnings);
        return new MleOutcome(values, errors, -total, converged, iterations, atBound, warnings);
    }

    private static int Bfgs(Problem problem, ref Vector<double> theta, int maximumIterations)
    {
        try
        {
            var result = new BfgsMinimizer(BfgsGradient, 1e-10, 1e-13, maximumIterations)
                .FindMinimum(ObjectiveFunction.Gradient(problem.MeanWithGradient), theta);
            theta = result.MinimizingPoint.All(double.IsFinite) ? result.MinimizingPoint : problem.Best;
            return result.Iterations;
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArgumentException)
        {
            theta = problem.Best;
            return maximumIterations;
        }
    }

    /// <summary>
    /// Newton steps θ ← θ - H⁻¹g, kept only while they improve the likelihood, until a step moves θ by less than
    /// <see cref="NewtonDone"/>; <paramref name="hessian"/> is the last one computed (at the returned θ, or one such
    /// small step from it, which changes standard errors in about the fifth digit).
    /// </summary>
    private static Vector<double> Newton(Problem problem, Vector<double> theta, int steps, out Matrix<double>? hessian)
    {
        hessian = null;
        var (value, gradient) = problem.TotalWithGradient(theta);
        for (var step = 0; step < steps; step++)
        {
            hessian = problem.Hessian(theta);
            Vector<double> move;
            try
            {
                move = hessian.Cholesky().Solve(gradient);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return theta;
            }

            var next = Clamp(theta - move);
            var (nextValue, nextGradient) = problem.TotalWithGradient(next);
            if (!(nextValue < Unusable && nextValue <= value))
            {
                return theta;
            }

            (theta, value, gradient) = (next, nextValue, nextGradient);
            if (move.AbsoluteMaximum() < NewtonDone)
            {
                break;
            }

            hessian = null;
        }

        return theta;
    }

    private static double?[] StandardErrors(Matrix<double> hessian, Vector<double> theta, IReadOnlyList<string> names, List<string> warnings)
    {
        var k = theta.Count;
        var errors = new double?[k];
        try
        {
            var covariance = hessian.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(k));
            for (var i = 0; i < k; i++)
            {
                var variance = covariance[i, i];
                errors[i] = variance > 0 && double.IsFinite(variance) ? Math.Exp(theta[i]) * Math.Sqrt(variance) : null;
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            warnings.Add($"standard errors unavailable: the Hessian of the log-likelihood in ({string.Join(", ", names)}) is not positive definite (a flat or boundary direction)");
        }

        return errors;
    }

    private static Vector<double> Clamp(Vector<double> theta) => theta.Map(t => Math.Clamp(t, -LogBound, LogBound));

    private static double[] Natural(Vector<double> theta) => [.. theta.Select(t => Math.Exp(Math.Clamp(t, -LogBound, LogBound)))];

    /// <summary>The negative log-likelihood in θ, remembering the best point seen (MathNet's exceptions lose it).</summary>
    private sealed class Problem(ILogLikelihood likelihood)
    {
        private readonly double[] point = new double[likelihood.Dimension];
        private readonly double[] gradient = new double[likelihood.Dimension];
        private double bestValue = double.PositiveInfinity;

        public double Customers => likelihood.Customers;

        public Vector<double> Best { get; private set; } = Vector<double>.Build.Dense(likelihood.Dimension);

        /// <summary>-ln L at θ (clamped); the gradient of -ln L is left in <see cref="gradient"/>.</summary>
        public double Total(Vector<double> theta)
        {
            for (var i = 0; i < point.Length; i++)
            {
                point[i] = Math.Clamp(theta[i], -LogBound, LogBound);
            }

            var ll = likelihood.Evaluate(point, gradient);
            var finite = double.IsFinite(ll);
            for (var i = 0; i < gradient.Length; i++)
            {
                // Beyond the bound the objective is flat in θᵢ (the point is clamped): so is its gradient.
                gradient[i] = finite && double.IsFinite(gradient[i]) && point[i] == theta[i] ? -gradient[i] : 0;
            }

            var value = finite ? -ll : Unusable;
            if (value < bestValue)
            {
                bestValue = value;
                Best = Vector<double>.Build.DenseOfArray(point);
            }

            return value;
        }

        public double Mean(Vector<double> theta) => Total(theta) / Customers;

        public (double, Vector<double>) MeanWithGradient(Vector<double> theta)
        {
            var value = Total(theta) / Customers;
            return (value, Vector<double>.Build.Dense(gradient.Length, i => gradient[i] / Customers));
        }

        public Vector<double> MeanGradient(Vector<double> theta) => MeanWithGradient(theta).Item2;

        public (double, Vector<double>) TotalWithGradient(Vector<double> theta)
        {
            var value = Total(theta);
            return (value, Vector<double>.Build.DenseOfArray(gradient));
        }

        /// <summary>The Hessian of -ln L in θ: central differences of the gradient, symmetrised.</summary>
        public Matrix<double> Hessian(Vector<double> theta)
        {
            const double h = HessianStep;
            var k = theta.Count;
            var hessian = Matrix<double>.Build.Dense(k, k);
            var up = new double[k];
            for (var i = 0; i < k; i++)
            {
                var shifted = theta.Clone();
                shifted[i] += h;
                Total(shifted);
                gradient.CopyTo(up, 0);
                shifted[i] -= 2 * h;
                Total(shifted);
                for (var j = 0; j < k; j++)
                {
                    hessian[i, j] = (up[j] - gradient[j]) / (2 * h);
                }
            }

            return (hessian + hessian.Transpose()) * 0.5;
        }
    }
}
