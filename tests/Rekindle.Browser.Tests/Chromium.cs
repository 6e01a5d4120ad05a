using Microsoft.Playwright;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Debian's Chromium, which scripts/test.sh installs with apt-get (Playwright never downloads a browser here).
/// <see cref="Executable"/> is /usr/bin/chromium unless REKINDLE_CHROMIUM names another.
/// </summary>
public static class Chromium
{
    public const string Variable = "REKINDLE_CHROMIUM";

    public static string Executable { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool Installed => File.Exists(Executable);

    /// <summary>Under CI (CI=true) a missing browser fails the browser tests instead of skipping them.</summary>
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing =>
        $"Chromium is not installed at {Executable} (scripts/test.sh installs it: apt-get install chromium, as root); set {Variable} to use another";

    /// <summary>Headless, no sandbox (root in a container), nothing that would reach the network on its own.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = Executable,
        Headless = true,
        Args =
        [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    };
}

/// <summary>
/// A test that drives Chromium: skipped with the reason on a machine without it, except under CI, where it runs and
/// fails with <see cref="Chromium.Missing"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.Installed && !Chromium.UnderCi)
        {
            Skip = Chromium.Missing;
        }
    }
}

/// <summary>The theory form of <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!Chromium.Installed && !Chromium.UnderCi)
        {
            Skip = Chromium.Missing;
        }
    }
}
