namespace Rekindle.App.Generation;

/// <summary>A sales region with the places its postal addresses and phone numbers use.</summary>
internal sealed record Region(string Name, (string City, string State, string AreaCode, string Zip3)[] Places);

/// <summary>
/// Small built-in word lists for names, companies and addresses. Built in (rather than Bogus's locale data)
/// so that generating an account costs a few array look-ups and the output never changes with a package
/// upgrade. Phone numbers use the fictional 555-01xx range and e-mail domains the reserved .example TLD.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Margaret",
        "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily", "Joshua", "Donna", "Kevin", "Michelle",
        "Brian", "Carol", "George", "Amanda", "Timothy", "Melissa", "Ronald", "Deborah", "Jason", "Stephanie",
        "Wei", "Priya", "Carlos", "Sofia", "Ahmed", "Fatima", "Hiroshi", "Mei", "Luis", "Ana",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
        "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
        "Peterson", "Bailey", "Reed", "Kelly", "Howard", "O'Brien", "Kim", "Cox", "Ward", "Patel",
    ];

    public static readonly string[] CompanyWords =
    [
        "Harbor", "Summit", "Pioneer", "Cedar", "Granite", "Northwind", "Bluewater", "Ironwood", "Keystone", "Riverside",
        "Lakeshore", "Redwood", "Silverline", "Brightpath", "Oakridge", "Evergreen", "Crescent", "Frontier", "Highland", "Meridian",
        "Atlas", "Beacon", "Cornerstone", "Horizon", "Liberty", "Maple", "Patriot", "Sterling", "Trinity", "Vanguard",
    ];

    public static readonly string[] CompanyNouns =
    [
        "Logistics", "Manufacturing", "Dental", "Builders", "Foods", "Health", "Engineering", "Supply", "Hospitality", "Labs",
        "Motors", "Printing", "Properties", "Academy", "Clinic", "Systems", "Outfitters", "Plastics", "Packaging", "Partners",
    ];

    public static readonly string[] CompanySuffixes = ["Inc.", "LLC", "Co.", "Group", "Corp.", "Ltd.", "Holdings", "& Co."];

    public static readonly string[] Industries =
    [
        "Manufacturing", "Construction", "Healthcare", "Education", "Hospitality",
        "Retail", "Logistics", "Professional Services", "Public Sector", "Technology",
    ];

    /// <summary>Per industry (same order as <see cref="Industries"/>), the catalog categories it buys most.</summary>
    public static readonly int[][] IndustryCategories =
    [
        [4, 2, 1], [4, 2, 5], [2, 3, 0], [0, 6, 7], [7, 3, 1],
        [1, 0, 3], [1, 2, 4], [0, 6, 7], [0, 3, 6], [6, 0, 5],
    ];

    public static readonly string[] Roles =
    [
        "Purchasing Manager", "Buyer", "Operations Director", "Office Manager", "Facilities Manager",
        "Finance Director", "Owner", "IT Manager", "Procurement Lead", "Warehouse Supervisor",
    ];

    public static readonly string[] Streets =
    [
        "Main St", "Oak Ave", "Park Rd", "Industrial Pkwy", "Commerce Dr", "Maple St", "Lake Rd", "Market St",
        "Washington Ave", "Cedar Ln", "Enterprise Way", "Harbor Blvd", "Mill St", "Station Rd", "Elm St", "Airport Rd",
    ];

    public static readonly Region[] Regions =
    [
        new("Northeast", [("New York", "NY", "212", "100"), ("Boston", "MA", "617", "021"), ("Philadelphia", "PA", "215", "191"), ("Newark", "NJ", "973", "071")]),
        new("Southeast", [("Atlanta", "GA", "404", "303"), ("Miami", "FL", "305", "331"), ("Charlotte", "NC", "704", "282"), ("Nashville", "TN", "615", "372")]),
        new("Midwest", [("Chicago", "IL", "312", "606"), ("Columbus", "OH", "614", "432"), ("Detroit", "MI", "313", "482"), ("Minneapolis", "MN", "612", "554")]),
        new("South Central", [("Dallas", "TX", "214", "752"), ("Houston", "TX", "713", "770"), ("Tulsa", "OK", "918", "741"), ("New Orleans", "LA", "504", "701")]),
        new("Mountain", [("Denver", "CO", "303", "802"), ("Phoenix", "AZ", "602", "850"), ("Salt Lake City", "UT", "801", "841"), ("Las Vegas", "NV", "702", "891")]),
        new("Pacific", [("Los Angeles", "CA", "213", "900"), ("San Francisco", "CA", "415", "941"), ("Seattle", "WA", "206", "981"), ("Portland", "OR", "503", "972")]),
    ];

    /// <summary>A company name such as "Harbor Logistics LLC" or "Miller, Reed & Cox" (some hold a comma).</summary>
    public static string CompanyName(Rng rng) => rng.Next(10) switch
    {
        < 5 => $"{rng.Pick(CompanyWords)} {rng.Pick(CompanyNouns)} {rng.Pick(CompanySuffixes)}",
        < 7 => $"{rng.Pick(LastNames)} {rng.Pick(CompanyNouns)}",
        < 9 => $"{rng.Pick(LastNames)} & {rng.Pick(LastNames)} {rng.Pick(CompanySuffixes)}",
        _ => $"{rng.Pick(LastNames)}, {rng.Pick(LastNames)} & {rng.Pick(LastNames)}",
    };

    /// <summary>The lower-case letters and digits of a name, for e-mail domains and handles.</summary>
    public static string Slug(string name)
    {
        Span<char> buffer = stackalloc char[name.Length];
        var n = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
