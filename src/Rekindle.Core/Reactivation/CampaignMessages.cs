using System.Globalization;

namespace Rekindle.Reactivation;

/// <summary>Renders a member's message from its play's templates, and says why a placeholder has no value.</summary>
internal static class CampaignMessages
{
    /// <summary>
    /// The rendered subject and body, or nulls with a problem per placeholder that has no value, naming the account,
    /// the play, the field and the placeholder, and why the value is missing.
    /// </summary>
    public static (string? Subject, string? Body) Render(
        CampaignMember m, (PlayRule Rule, MessageTemplate Subject, MessageTemplate Body) play, ReactivationDirectory directory,
        string? currency, string? code, List<PlanningProblem> problems)
    {
        var values = new PlaceholderValues
        {
            AccountName = m.AccountName,
            ContactFirstName = m.ContactFirstName,
            ContactLastName = m.ContactLastName,
            FavouriteProduct = m.Favourite?.Name,
            LastOrderDate = m.LastOrderOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DaysSince = m.DaysSinceLastOrder.ToString(CultureInfo.InvariantCulture),
            RepName = m.RepName,
            Offer = play.Rule.Offer?.Display(currency),
            OfferCode = code,
        };

        string? RenderField(string field, MessageTemplate template)
        {
            var result = template.Render(values);
            foreach (var name in result.Missing)
            {
                problems.Add(new(m.AccountId, m.Play, name, $"{{{name}}} in the {field} has no value: {WhyMissing(name, m, directory)}"));
            }

            return result.Text;
        }

        return (RenderField("subject", play.Subject), RenderField("body", play.Body));
    }

    private static string WhyMissing(string placeholder, CampaignMember m, ReactivationDirectory directory) => placeholder switch
    {
        Placeholders.AccountName => "the account has no name",
        Placeholders.ContactFirstName or Placeholders.ContactLastName when m.ContactId is null => "no contact can be reached on the channel",
        Placeholders.ContactFirstName => $"contact {m.ContactId} has no name",
        Placeholders.ContactLastName => $"contact {m.ContactId} has a one-word name",
        Placeholders.FavouriteProduct => directory.LinesOf(m.AccountId).IsEmpty
            ? "the account has no order lines"
            : "no product or category it bought has lapsed beyond its buying cycle",
        Placeholders.RepName => directory.Rep(m.OwnerRepId) is null ? $"owner rep {m.OwnerRepId} is not in the rep list" : $"rep {m.OwnerRepId} has no name",
        Placeholders.Offer or Placeholders.OfferCode => "the play has no offer",
        _ => "no value",
    };
}
