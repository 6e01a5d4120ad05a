namespace Rekindle.Models;

/// <summary>The customer-base models Rekindle fits.</summary>
public enum ModelKind
{
    /// <summary>BG/NBD (Fader, Hardie &amp; Lee 2005).</summary>
    BgNbd,

    /// <summary>MBG/NBD (Batislam, Denizel &amp; Filiztekin 2007).</summary>
    MbgNbd,

    /// <summary>Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987).</summary>
    ParetoNbd,

    /// <summary>Gamma-Gamma spend model (Fader &amp; Hardie 2013, note 025).</summary>
    GammaGamma,
}

/// <summary>The command-line names of the models: bgnbd, mbgnbd, pareto-nbd, gamma-gamma.</summary>
public static class ModelKinds
{
    /// <summary>Every model with its name, in the order the CLI lists them.</summary>
    public static readonly IReadOnlyList<(ModelKind Kind, string Name)> All =
    [
        (ModelKind.BgNbd, "bgnbd"),
        (ModelKind.MbgNbd, "mbgnbd"),
        (ModelKind.ParetoNbd, "pareto-nbd"),
        (ModelKind.GammaGamma, "gamma-gamma"),
    ];

    /// <summary>The CLI name of a model.</summary>
    public static string Name(this ModelKind kind) => All.First(m => m.Kind == kind).Name;

    /// <summary>Parses a CLI name (case-insensitive; "pnbd", "paretonbd", "gg", "bg-nbd" accepted too).</summary>
    public static bool TryParse(string? text, out ModelKind kind)
    {
        var key = (text ?? string.Empty).Trim().ToLowerInvariant().Replace("_", "-").Replace("/", "-");
        (var found, kind) = key switch
        {
            "bgnbd" or "bg-nbd" => (true, ModelKind.BgNbd),
            "mbgnbd" or "mbg-nbd" => (true, ModelKind.MbgNbd),
            "pareto-nbd" or "paretonbd" or "pnbd" => (true, ModelKind.ParetoNbd),
            "gamma-gamma" or "gammagamma" or "gg" => (true, ModelKind.GammaGamma),
            _ => (false, ModelKind.BgNbd),
        };
        return found;
    }

    /// <summary>Parses a CLI name or throws with the accepted names.</summary>
    public static ModelKind Parse(string text) => TryParse(text, out var kind)
        ? kind
        : throw new FormatException($"Unknown model '{text}': expected {string.Join("|", All.Select(m => m.Name))}.");
}
