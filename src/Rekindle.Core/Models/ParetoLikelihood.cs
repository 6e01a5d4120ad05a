namespace Rekindle.Models;

/// <summary>
/// The Pareto/NBD log-likelihood over <see cref="SummaryGroups"/> (<see cref="GroupedLikelihood"/>), with a
/// central-difference gradient in θ = log(parameters): its death term is an integral (<see cref="ParetoIntegral"/>)
/// whose derivatives in r and s have no closed form here, so each gradient costs eight evaluations.
/// </summary>
internal sealed class ParetoLikelihood(SummaryGroups groups) : ILogLikelihood
{
    private const double Step = 1e-5;
    private readonly double[] shifted = new double[4];

    public int Dimension => 4;

    public double Customers => groups.Customers;

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        for (var i = 0; i < 4; i++)
        {
            theta.CopyTo(shifted);
            shifted[i] += Step;
            var up = Value(shifted);
            shifted[i] -= 2 * Step;
            gradient[i] = (up - Value(shifted)) / (2 * Step);
        }

        theta.CopyTo(shifted);
        return Value(shifted);
    }

    private double Value(double[] theta) =>
        GroupedLikelihood.Of(new ParetoNbd(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]), Math.Exp(theta[3])), groups);
}
