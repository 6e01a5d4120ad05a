namespace Rekindle.App.Generation;

/// <summary>One product of the synthetic company's catalog; the list price in cents.</summary>
internal sealed record Product(string Sku, string Name, int Category, long ListCents);

/// <summary>
/// The product lines a B2B supplies distributor sells: 8 categories, 60 SKUs, list prices from a few
/// dollars to a few hundred. Some names hold a comma or a quote, so the CSV quoting is exercised.
/// </summary>
internal static class Catalog
{
    public static readonly string[] Categories =
    [
        "Office Supplies", "Packaging", "Safety Equipment", "Cleaning & Janitorial",
        "Tools & Hardware", "Electrical", "IT Accessories", "Breakroom",
    ];

    private static readonly (string Prefix, (string Name, decimal Price)[] Items)[] Lines =
    [
        ("OFF", [("Copy Paper A4 Case", 42.00m), ("Ballpoint Pens Box of 50", 12.50m), ("Sticky Notes 24-Pack", 18.90m),
            ("Lever Arch Files 10-Pack", 27.00m), ("Stapler Heavy Duty", 34.00m), ("Whiteboard Markers 12-Pack", 15.60m),
            ("Desk Organiser", 22.00m), ("Laser Labels 500 Sheets", 58.00m)]),
        ("PKG", [("Corrugated Box Small 25-Pack", 31.00m), ("Corrugated Box Large 25-Pack", 54.00m), ("Packing Tape 36 Rolls", 48.00m),
            ("Bubble Wrap Roll 100 m", 39.00m), ("Stretch Film Roll", 27.50m), ("Void Fill Paper", 24.00m),
            ("Mailing Bags, 500 pcs", 46.00m), ("Pallet Wrap Dispenser", 65.00m)]),
        ("SAF", [("Nitrile Gloves Box of 100", 11.90m), ("Safety Glasses 12-Pack", 36.00m), ("Hi-Vis Vest", 9.50m),
            ("Hard Hat", 17.80m), ("Ear Plugs Dispenser", 64.00m), ("First Aid Kit Large", 89.00m), ("Safety Boots", 74.00m)]),
        ("CLN", [("Floor Cleaner 5 L", 21.00m), ("Paper Towels 12 Rolls", 26.00m), ("Trash Bags, 200 pcs", 19.50m),
            ("Hand Soap Refill 6 x 1 L", 33.00m), ("Disinfectant Wipes 6-Pack", 29.00m), ("Microfibre Cloths 24-Pack", 16.00m),
            ("Mop and Bucket Set", 58.00m)]),
        ("TLS", [("Cordless Drill Kit", 149.00m), ("Socket Set 96-Piece", 89.00m), ("Utility Knife 10-Pack", 24.00m),
            ("Tape Measure 8 m", 13.50m), ("Assorted Screws, 1000 pcs", 22.00m), ("Step Ladder 6-Step", 119.00m),
            ("Steel Workbench", 329.00m), ("Storage Bins 12-Pack", 44.00m)]),
        ("ELE", [("LED Panel 600x600", 38.00m), ("Extension Reel 25 m", 46.00m), ("Cable Ties, 1000 pcs", 14.00m),
            ("Circuit Breaker 16 A", 12.80m), ("LED Work Light", 59.00m), ("Batteries AA 48-Pack", 27.00m), ("Power Strip 6-Way", 18.50m)]),
        ("ITA", [("Wireless Mouse", 19.90m), ("USB Keyboard", 24.90m), ("27\" Monitor", 219.00m), ("USB-C Dock", 139.00m),
            ("HDMI Cable 2 m", 8.90m), ("Laptop Stand", 36.00m), ("Headset with Microphone", 64.00m), ("Label Printer", 179.00m)]),
        ("BRK", [("Coffee Beans 1 kg", 24.00m), ("Tea Assortment 200 Bags", 18.00m), ("Paper Cups, 1000 pcs", 42.00m),
            ("Bottled Water 24-Pack", 9.80m), ("Sugar Sticks 1000", 15.00m), ("Snack Box Assorted", 38.00m), ("Coffee Machine Descaler", 12.00m)]),
    ];

    public static readonly Product[] Products = Build();

    /// <summary>Indexes into <see cref="Products"/> of each category's products.</summary>
    public static readonly int[][] ByCategory = Enumerable.Range(0, Categories.Length)
        .Select(c => Enumerable.Range(0, Products.Length).Where(p => Products[p].Category == c).ToArray())
        .ToArray();

    private static Product[] Build()
    {
        var products = new List<Product>();
        for (var c = 0; c < Lines.Length; c++)
        {
            for (var i = 0; i < Lines[c].Items.Length; i++)
            {
                var (name, price) = Lines[c].Items[i];
                products.Add(new Product($"{Lines[c].Prefix}-{i + 1:D3}", name, c, (long)(price * 100)));
            }
        }

        return [.. products];
    }
}
