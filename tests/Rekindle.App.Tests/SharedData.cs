namespace Rekindle.App.Tests;

/// <summary>Finds ../shared/data beside the repository, where the real public data sets live.</summary>
public static class SharedData
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, "shared", "data"), System.IO.Path.Combine(dir.FullName, "..", "shared", "data") })
            {
                if (Directory.Exists(candidate))
                {
                    return System.IO.Path.GetFullPath(System.IO.Path.Combine(candidate, relative));
                }
            }
        }

        throw new DirectoryNotFoundException("shared/data was not found above " + AppContext.BaseDirectory);
    }
}
