using System.Globalization;

namespace Rekindle.App.Generation;

/// <summary>Digits of each kind of id, fixed from the options so that ids sort naturally.</summary>
internal sealed record IdWidths(int Account, int Rep, int Contact, int Order, int Engagement, int Opportunity)
{
    public static IdWidths For(GeneratorOptions o) => new(
        Digits(o.Accounts, 6),
        Digits(o.Reps, 3),
        Digits(4L * o.Accounts, 7),
        Digits((long)o.Accounts * o.Years * CompanyModel.MaxOrdersPerYear, 8),
        Digits((long)o.Accounts * o.Years * CompanyModel.MaxEngagementsPerYear, 9),
        Digits((long)o.Accounts * o.Years * CompanyModel.MaxOpportunitiesPerYear, 7));

    private static int Digits(long max, int min) => Math.Max(min, max.ToString(CultureInfo.InvariantCulture).Length);
}

/// <summary>
/// How the synthetic company behaves. Every account is a pure function of (seed, account index, options):
/// it is generated from its own random stream, so accounts can be generated in any order and in parallel.
/// The data window is the <see cref="GeneratorOptions.Years"/> years up to the as-of date (inclusive).
/// <list type="bullet">
/// <item>Arrival: a third of the base are legacy accounts (created up to 8 years before the window, already
/// buying when it opens); the rest arrive through the window, a little more often lately.</item>
/// <item>Size: a lognormal typical order value; bigger accounts also buy more often, so revenue is long-tailed
/// (about 20% of accounts make about 80% of revenue).</item>
/// <item>Rhythm: a mean gap between orders from about a week to about a year, jittered by a gamma factor, and
/// shortened in Q4 (seasonality) and lengthened in summer and January.</item>
/// <item>Drop-out: a latent date after which the account silently stops buying (short for trial buyers, years
/// for the rest); it is the truth file's churned_on when it falls on or before the as-of date.</item>
/// <item>After drop-out some accounts keep browsing and clicking e-mails for months (passive); marketing
/// e-mails keep being opened and reps' calls go unanswered; some get a win-back opportunity.</item>
/// <item>Direction is who started the touch: e-mail opens and clicks answer our outbound mail; web visits,
/// support tickets and event attendance are inbound; calls and meetings are mostly outbound.</item>
/// </list>
/// Reps who have left (inactive) still own the accounts they had: a departed rep's book waits for the
/// manager to release or reassign it, which Rekindle's pool handles.
/// </summary>
internal sealed partial class CompanyModel
{
    public const int LegacyCreatedYears = 8;
    public const int MaxOrdersPerYear = 100;
    public const int MaxEngagementsPerYear = 250;
    public const int MaxOpportunitiesPerYear = 12;

    private const double LegacyShare = 0.5;
    private const double ArrivalSkew = 1.0;
    private const double ProspectShare = 0.02;

    private readonly int seed;
    private readonly int reps;
    private readonly int start;
    private readonly int asOf;
    private readonly int maxOrders;
    private readonly int maxEngagements;
    private readonly int maxOpportunities;

    public CompanyModel(GeneratorOptions options)
    {
        seed = options.Seed;
        reps = options.Reps;
        asOf = options.AsOf.DayNumber;
        start = options.AsOf.AddYears(-options.Years).DayNumber + 1;
        maxOrders = MaxOrdersPerYear * options.Years;
        maxEngagements = MaxEngagementsPerYear * options.Years;
        maxOpportunities = MaxOpportunitiesPerYear * options.Years;
        Ids = IdWidths.For(options);
        Dates = new DateTable(options.AsOf.AddYears(-options.Years - LegacyCreatedYears - 1).DayNumber, asOf);
        season = new double[asOf - start + 1];
        for (var day = start; day <= asOf; day++)
        {
            season[day - start] = SeasonByMonth[DateOnly.FromDayNumber(day).Month - 1];
        }
    }

    public IdWidths Ids { get; }

    public DateTable Dates { get; }

    /// <summary>Generates account <paramref name="index"/> (0-based) into <paramref name="rows"/>.</summary>
    public void Simulate(int index, ChunkRows rows)
    {
        var rng = rows.Rng;
        rng.Reseed(seed, index);
        var owner = (int)(rng.NextUInt64() % (ulong)reps);
        var name = Vocabulary.CompanyName(rng);
        var industry = rng.Next(Vocabulary.Industries.Length);
        var region = rng.Next(Vocabulary.Regions.Length);
        var legacy = rng.Chance(LegacyShare);
        var created = legacy
            ? start - 1 - rng.Next(LegacyCreatedYears * 365)
            : start + (int)((asOf - start + 1) * Math.Pow(rng.NextDouble(), ArrivalSkew));
        var prospect = rng.Chance(ProspectShare);

        var churn = History(index, rows, industry, created, legacy, prospect);
        rows.Accounts.Add(new AccountRow(index, name, (byte)industry, (byte)region, created, owner, churn));
        Contacts(index, rows, name, region);
    }

    /// <summary>The rep directory: names, e-mails, commission rates 0.03-0.10; about one in ten has left.</summary>
    public static IEnumerable<(string Name, string Email, decimal CommissionRate, bool Active)> Reps(GeneratorOptions options)
    {
        var rng = new Rng(options.Seed, -1);
        var inactive = new HashSet<int>();
        var leavers = options.Reps >= 4 ? Math.Max(1, (int)Math.Round(options.Reps * 0.1)) : 0;
        while (inactive.Count < leavers)
        {
            inactive.Add(rng.Next(options.Reps));
        }

        for (var r = 0; r < options.Reps; r++)
        {
            var first = rng.Pick(Vocabulary.FirstNames);
            var last = rng.Pick(Vocabulary.LastNames);
            var rate = 0.03m + (0.005m * rng.Next(15));
            yield return ($"{first} {last}", $"{Vocabulary.Slug(first)}.{Vocabulary.Slug(last)}{r + 1}@supplyco.example", rate, !inactive.Contains(r));
        }
    }

    private static void Contacts(int index, ChunkRows rows, string company, int region)
    {
        var rng = rows.Rng;
        var count = 1 + rng.Pick([0.35, 0.35, 0.20, 0.10]);
        var unreachable = rng.Chance(0.04);
        var domain = Vocabulary.Slug(company) + ".example";
        var place = rng.Pick(Vocabulary.Regions[region].Places);
        var address = $"{rng.Next(1, 9900)} {rng.Pick(Vocabulary.Streets)}, {place.City}, {place.State} {place.Zip3}{rng.Next(100):D2}";
        for (var c = 0; c < count; c++)
        {
            var first = rng.Pick(Vocabulary.FirstNames);
            var last = rng.Pick(Vocabulary.LastNames);
            var handle = $"{Vocabulary.Slug(first)}.{Vocabulary.Slug(last)}";
            var email = rng.Chance(0.88) ? $"{handle}@{domain}" : null;
            var phone = rng.Chance(0.72) ? $"+1 {place.AreaCode}-555-01{rng.Next(100):D2}" : null;
            var social = rng.Chance(0.30) ? $"linkedin.com/in/{handle.Replace('.', '-')}-{rng.Next(0x10000):x4}" : null;
            var postal = rng.Chance(0.45) ? address : null;
            var optOut = 0;
            if (unreachable)
            {
                // Nobody reachable: every channel present has been opted out of (or there is none).
                optOut = 0b1111;
            }
            else
            {
                optOut |= rng.Chance(0.10) ? 1 : 0;
                optOut |= rng.Chance(0.06) ? 2 : 0;
                optOut |= rng.Chance(0.04) ? 4 : 0;
                optOut |= rng.Chance(0.03) ? 8 : 0;
            }

            // Only a channel the contact has can be opted out of.
            optOut &= (email is null ? 0 : 1) | (phone is null ? 0 : 2) | (social is null ? 0 : 4) | (postal is null ? 0 : 8);
            rows.Contacts.Add(new ContactRow(index, $"{first} {last}", (byte)rng.Next(Vocabulary.Roles.Length), email, phone, social, postal, (byte)optOut));
        }
    }
}
