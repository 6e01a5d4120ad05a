using System.Text;
using Rekindle.App.Csv;

namespace Rekindle.App.Workspace;

/// <summary>
/// The rejected rows of an import with --skip-invalid, one line per error: file, line, column, value, reason,
/// and the row's values (as a CSV line). Written to a temporary name and renamed when the import commits.
/// </summary>
internal sealed class RejectsFile : IDisposable
{
    private readonly StreamWriter writer;
    private readonly string partial;

    public RejectsFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        partial = Path + ".partial";
        writer = new StreamWriter(partial, false, new UTF8Encoding(false));
        writer.Write("file,line,column,value,reason,row\n");
    }

    public string Path { get; }

    public void Write(IEnumerable<InputError> errors, int line, string row)
    {
        foreach (var e in errors)
        {
            writer.Write(string.Join(',', Quote(e.File), e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Quote(e.Column), Quote(e.Value), Quote(e.Reason), Quote(e.Line == line ? row : "")));
            writer.Write('\n');
        }
    }

    public void Complete()
    {
        writer.Flush();
        writer.Dispose();
        File.Move(partial, Path, overwrite: true);
    }

    public void Dispose()
    {
        writer.Dispose();
        if (File.Exists(partial))
        {
            File.Delete(partial);
        }
    }

    /// <summary>RFC 4180 quoting when the value needs it, a formula neutralised (<see cref="Reports.CsvText.Field"/>).</summary>
    public static string Quote(string value) => Reports.CsvText.Field(value);
}
