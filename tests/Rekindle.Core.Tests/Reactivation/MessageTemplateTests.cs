using Rekindle.Reactivation;

namespace Rekindle.Core.Tests.Reactivation;

public class MessageTemplateTests
{
    private static readonly PlaceholderValues All = new()
    {
        AccountName = "Acme Ltd",
        ContactFirstName = "Ann",
        ContactLastName = "Smith",
        FavouriteProduct = "Super Glue",
        LastOrderDate = "2026-01-15",
        DaysSince = "166",
        RepName = "Rita Rep",
        Offer = "10%",
        OfferCode = "RK-ABC",
    };

    private static MessageTemplate Parse(string text)
    {
        var template = MessageTemplate.Parse(text, out var problems);
        Assert.Empty(problems);
        return template;
    }

    [Fact]
    public void Render_EveryPlaceholder_Substituted()
    {
        var text = string.Join(" ", Placeholders.All.Select(p => "{" + p + "}"));
        Assert.Equal("Acme Ltd Ann Smith Super Glue 2026-01-15 166 Rita Rep 10% RK-ABC", Parse(text).Render(All).Text);
    }

    [Fact]
    public void Render_DoubledBraces_AreLiteral() =>
        Assert.Equal("{account_name} is Acme Ltd}", Parse("{{account_name}} is {account_name}}}").Render(All).Text);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Render_PlaceholderWithNoValue_NoTextAndNamesIt(string? value)
    {
        var result = Parse("Hi {contact_first_name}, {contact_first_name}!").Render(All with { ContactFirstName = value });
        Assert.False(result.Ok);
        Assert.Null(result.Text);
        Assert.Equal(["contact_first_name"], result.Missing);
    }

    [Fact]
    public void Render_UnusedPlaceholderWithNoValue_IsFine() =>
        Assert.Equal("Hi Ann", Parse("Hi {contact_first_name}").Render(All with { FavouriteProduct = null }).Text);

    [Fact]
    public void Parse_Placeholders_DistinctInOrderOfUse() =>
        Assert.Equal(["offer", "account_name"], Parse("{offer} for {account_name}, {offer}").Placeholders);

    [Theory]
    [InlineData("Hi {first_name}", "unknown placeholder {first_name} (known: {account_name}, {contact_first_name}, {contact_last_name}, {favourite_product}, {last_order_date}, {days_since}, {rep_name}, {offer}, {offer_code})")]
    [InlineData("Hi {contact_first_name", "'{' at position 4 is never closed (write '{{' for a brace)")]
    [InlineData("Hi } there", "a lone '}' at position 4 (write '}}' for a brace)")]
    [InlineData("Hi {Account_Name}", "unknown placeholder {Account_Name} (known: {account_name}, {contact_first_name}, {contact_last_name}, {favourite_product}, {last_order_date}, {days_since}, {rep_name}, {offer}, {offer_code})")]
    public void Parse_BadTemplate_SaysWhatIsWrong(string text, string problem)
    {
        MessageTemplate.Parse(text, out var problems);
        Assert.Equal([problem], problems);
    }

    [Theory]
    [InlineData(OfferKind.Percent, "10", null, "10%")]
    [InlineData(OfferKind.Percent, "12.5", null, "12.5%")]
    [InlineData(OfferKind.Amount, "50", null, "50.00")]
    [InlineData(OfferKind.Amount, "50", "EUR", "50.00 EUR")]
    public void OfferDisplay_PercentOrAmount(OfferKind kind, string value, string? currency, string expected) =>
        Assert.Equal(expected, new Offer(kind, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Display(currency));
}
