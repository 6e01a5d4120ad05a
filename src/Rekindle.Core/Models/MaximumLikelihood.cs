using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Rekindle.Models;

/// <summary>What the optimiser found, on the natural scale.</summary>
internal sealed record MleOutcome(double[] Values, double?[] StandardErrors, double LogLikelihood, bool Converged, int Iterations, bool[] AtBound, List<string> Warnings);

/// <summary>
/// Maximum likelihood over positive parameters: MathNet's BFGS on θ = log(parameters) of the mean negative
/// log-likelihood with a central-difference gradient (Nelder-Mead, then BFGS again, when BFGS stops early), then a
/// few Newton steps with the finite-difference Hessian to pin the optimum to many digits. Standard errors come from
/// that Hessian of the negative log-likelihood in θ, carried to the natural scale by the delta method
/// (SE(p) = p · SE(θ)). Parameters are kept within e^±18 (about 1.5e-8 to 6.6e7); reaching that edge is reported
/// through <see cref="MleOutcome.AtBound"/>.
/// </summary>
internal static class MaximumLikelihood
{
    public const double LogBound = 18;
    private const double GradientStep = 1e-6;
    private const double HessianStep = 1e-4;
    private const double ConvergedGradient = 1e-5;

    public static MleOutcome Maximise(IReadOnlyList<string> names, double[] start, Func<double[], double> logLikelihood, double customers, int maximumIterations)
    {
        var problem = new Problem(logLikelihood, customers);
        var theta = Vector<double>.Build.DenseOfEnumerable(start.Select(v => Math.Log(v)));
        var warnings = new List<string>();
        var iterations = Bfgs(problem, ref theta, maximumIterations);
        if (problem.Gradient(theta).AbsoluteMaximum() > ConvergedGradient)
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

        theta = Newton(problem, Clamp(problem.Best), Math.Min(6, maximumIterations));
        var gradient = problem.Gradient(theta).AbsoluteMaximum();
        var converged = gradient <= ConvergedGradient;
        if (!converged)
        {
            warnings.Add($"optimiser did not converge: largest gradient of the mean log-likelihood {gradient:G3} after {iterations} iterations");
        }

        var values = Natural(theta);
        var atBound = theta.Select(t => Math.Abs(t) >= LogBound - 1).ToArray();
        var errors = StandardErrors(problem, theta, names, warnings);
        return new MleOutcome(values, errors, logLikelihood(values), converged, iterations, atBound, warnings);
    }

    private static int Bfgs(Problem problem, ref Vector<double> theta, int maximumIterations)
    {
        try
        {
            var result = new BfgsMinimizer(1e-7, 1e-10, 1e-13, maximumIterations)
                .FindMinimum(ObjectiveFunction.Gradient(problem.Mean, problem.Gradient), theta);
            theta = result.MinimizingPoint;
            return result.Iterations;
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArgumentException)
        {
            theta = problem.Best;
            return maximumIterations;
        }
    }

    /// <summary>Newton steps θ ← θ - H⁻¹g, kept only while they improve the likelihood.</summary>
    private static Vector<double> Newton(Problem problem, Vector<double> theta, int steps)
    {
        for (var step = 0; step < steps; step++)
        {
            var hessian = problem.Hessian(theta);
            Vector<double> move;
            try
            {
                move = hessian.Cholesky().Solve(problem.Gradient(theta) * problem.Customers);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return theta;
            }

            var next = Clamp(theta - move);
            if (!(problem.Total(next) <= problem.Total(theta)))
            {
                return theta;
            }

            theta = next;
            if (move.AbsoluteMaximum() < 1e-10)
            {
                break;
            }
        }

        return theta;
    }

    private static double?[] StandardErrors(Problem problem, Vector<double> theta, IReadOnlyList<string> names, List<string> warnings)
    {
        var k = theta.Count;
        var errors = new double?[k];
        try
        {
            var covariance = problem.Hessian(theta).Cholesky().Solve(Matrix<double>.Build.DenseIdentity(k));
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
    private sealed class Problem(Func<double[], double> logLikelihood, double customers)
    {
        private double bestValue = double.PositiveInfinity;

        public double Customers => customers;

        public Vector<double> Best { get; private set; } = Vector<double>.Build.Dense(1);

        public double Total(Vector<double> theta)
        {
            var ll = logLikelihood(Natural(theta));
            var value = double.IsFinite(ll) ? -ll : 1e10 * customers;
            if (value < bestValue)
            {
                bestValue = value;
                Best = Clamp(theta);
            }

            return value;
        }

        public double Mean(Vector<double> theta) => Total(theta) / customers;

        public Vector<double> Gradient(Vector<double> theta)
        {
            var g = Vector<double>.Build.Dense(theta.Count);
            for (var i = 0; i < theta.Count; i++)
            {
                g[i] = (Mean(Shift(theta, i, GradientStep, i, 0)) - Mean(Shift(theta, i, -GradientStep, i, 0))) / (2 * GradientStep);
            }

            return g;
        }

        public Matrix<double> Hessian(Vector<double> theta)
        {
            const double h = HessianStep;
            var k = theta.Count;
            var hessian = Matrix<double>.Build.Dense(k, k);
            var f0 = Total(theta);
            for (var i = 0; i < k; i++)
            {
                hessian[i, i] = (Total(Shift(theta, i, h, i, 0)) - (2 * f0) + Total(Shift(theta, i, -h, i, 0))) / (h * h);
                for (var j = 0; j < i; j++)
                {
                    hessian[i, j] = hessian[j, i] = (Total(Shift(theta, i, h, j, h)) - Total(Shift(theta, i, h, j, -h))
                        - Total(Shift(theta, i, -h, j, h)) + Total(Shift(theta, i, -h, j, -h))) / (4 * h * h);
                }
            }

            return hessian;
        }

        private static Vector<double> Shift(Vector<double> theta, int i, double di, int j, double dj)
        {
            var v = theta.Clone();
            v[i] += di;
            v[j] += dj;
            return v;
        }
    }
}
