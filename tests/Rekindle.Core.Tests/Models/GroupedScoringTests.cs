using Rekindle.Models;

namespace Rekindle.Core.Tests.Models;

/// <summary>Scoring a base with terms shared per distinct (x, T) gives each customer what the model's own Score gives.</summary>
public class GroupedScoringTests
{
    public static TheoryData<IPurchaseModel> Models => new()
    {
        new BgNbd(0.242595, 4.413601, 0.792922, 2.425907),
        new MbgNbd(0.524843, 6.183086, 0.891359, 1.614001),
        new ParetoNbd(0.553277, 10.577683, 0.60624, 11.668751),
        new ParetoNbd(0.5, 3.0, 2.0, 40.0),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Score_CdnowMaster_EqualsPerCustomerScore(IPurchaseModel model)
    {
        var data = CdnowMaster.Summary;

        var scores = ModelScoring.Score(model, data, 39);

        for (var i = 0; i < data.Count; i++)
        {
            var expected = model.Score(data.X[i], data.Tx[i], data.T[i], 39);
            Assert.Equal(expected.ProbabilityAlive, scores.ProbabilityAlive[i], 1e-12);
            Assert.Equal(expected.ExpectedPurchases, scores.ExpectedPurchases[i], 1e-12 * Math.Max(1, expected.ExpectedPurchases));
            Assert.Equal(expected.ProbabilityNoPurchase, scores.ProbabilityNoPurchase[i], 1e-12);
        }
    }
}
