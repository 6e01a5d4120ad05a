using Microsoft.Playwright;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Full-page PNGs of the pages the tests visit, kept as test artifacts in TestResults/screenshots at the repository's
/// root (REKINDLE_SCREENSHOTS names another folder). scripts/test.sh empties TestResults before a run.
/// </summary>
public static class Screenshots
{
    public const string Variable = "REKINDLE_SCREENSHOTS";

    public static string Folder { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    /// <summary>
    /// Saves the whole page (not only the viewport) as <c>{name}.png</c> and returns its path, once the page has loaded
    /// and its charts have finished their opening animation.
    /// </summary>
    public static async Task<string> Save(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync(ChartsAtRest);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private const string ChartsAtRest =
        "() => !window.Chart || [...document.querySelectorAll('canvas[data-chart]')]" +
        ".every(c => { const chart = Chart.getChart(c); return !chart || !Chart.animator.running(chart); })";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rekindle.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
