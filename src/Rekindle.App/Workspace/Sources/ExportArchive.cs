using System.IO.Compression;
using Rekindle.App.Csv;

namespace Rekindle.App.Workspace.Sources;

/// <summary>
/// An export downloaded as a .zip (Salesforce's weekly export, a HubSpot download): unpacked into a fresh temporary
/// folder that is deleted on dispose. Only file names are kept (a zip of a folder works, no entry can write outside the
/// folder), and the unpacked size is capped so a zip bomb is refused, not unpacked.
/// </summary>
public sealed class ExportArchive : IDisposable
{
    /// <summary>The most a zip may unpack to.</summary>
    public const long MaxUnpackedBytes = 64L << 30;

    private readonly string? temporary;

    private ExportArchive(string folder, string? temporary)
    {
        Folder = folder;
        this.temporary = temporary;
    }

    /// <summary>The folder holding the export's files.</summary>
    public string Folder { get; }

    /// <summary>The folder itself, or a zip's files unpacked.</summary>
    public static ExportArchive Open(string path)
    {
        if (Directory.Exists(path))
        {
            return new ExportArchive(path, null);
        }

        if (!File.Exists(path))
        {
            throw new InputException(path, "not found (give the export's folder or its .zip)");
        }

        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException(path, "not a folder or a .zip of the export");
        }

        var folder = Directory.CreateTempSubdirectory("rekindle-export-").FullName;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long unpacked = 0;
            foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0 && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)))
            {
                unpacked += entry.Length;
                if (unpacked > MaxUnpackedBytes)
                {
                    throw new InputException(path, $"unpacks to more than {MaxUnpackedBytes >> 30} GiB: refused");
                }

                var target = Path.Combine(folder, entry.Name);
                if (File.Exists(target))
                {
                    throw new InputException(path, $"holds {entry.Name} twice (in different folders): unpack it and import the folder you mean");
                }

                entry.ExtractToFile(target);
            }

            return new ExportArchive(folder, folder);
        }
        catch (InvalidDataException e)
        {
            Directory.Delete(folder, recursive: true);
            throw new InputException(path, $"not a readable zip: {e.Message}");
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        if (temporary is not null && Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }
    }
}
