namespace Rekindle.App.Csv;

/// <summary>One thing wrong with an input file: where (file, line, column), what value, and why.</summary>
public sealed record InputError(string File, int Line, string Column, string Value, string Reason)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var column = string.IsNullOrEmpty(Column) ? "" : $" column {Column}";
        var value = string.IsNullOrEmpty(Value) ? "" : $" value \"{Shorten(Value)}\"";
        var detail = column + value;
        return detail.Length == 0 ? $"{where}: {Reason}" : $"{where}:{detail}: {Reason}";
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}

/// <summary>
/// Collects input errors: counts them all and keeps the first <see cref="Limit"/> of each file, so the
/// report (the first <see cref="Limit"/> by file and line) is the same whichever thread read which file first.
/// </summary>
public sealed class InputErrors
{
    public const int Limit = 100;
    private readonly Dictionary<string, List<InputError>> byFile = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <summary>Called with every error as it is added, also past <see cref="Limit"/> (a rejects file lists them all).</summary>
    public Action<InputError>? Added { get; init; }

    public bool Any => Count > 0;

    /// <summary>The errors kept, in file and line order: at most <see cref="Limit"/>.</summary>
    public IReadOnlyList<InputError> Kept
    {
        get
        {
            lock (byFile)
            {
                return byFile.Values.SelectMany(e => e)
                    .OrderBy(e => e.File, StringComparer.Ordinal)
                    .ThenBy(e => e.Line)
                    .Take(Limit)
                    .ToList();
            }
        }
    }

    /// <summary>Adds an error; safe to call from the threads that read files in parallel.</summary>
    public void Add(InputError error)
    {
        lock (byFile)
        {
            Count++;
            Added?.Invoke(error);
            if (!byFile.TryGetValue(error.File, out var list))
            {
                byFile[error.File] = list = [];
            }

            if (list.Count < Limit)
            {
                list.Add(error);
            }
        }
    }

    public void Add(string file, int line, string column, string value, string reason) =>
        Add(new InputError(file, line, column, value, reason));

    /// <summary>
    /// Adds the errors a reader of part of a file found, its lines moved down by <paramref name="lineOffset"/> (the
    /// lines before that part), and counts those it did not keep.
    /// </summary>
    public void Merge(InputErrors part, int lineOffset)
    {
        var kept = part.Kept;
        foreach (var e in kept)
        {
            Add(e with { Line = e.Line + lineOffset });
        }

        lock (byFile)
        {
            Count += part.Count - kept.Count;
        }
    }

    /// <summary>Throws an <see cref="InputException"/> carrying every error, when there is any.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputException(this);
        }
    }

    /// <summary>The errors as lines a person reads: the first <see cref="Limit"/>, then a count of the rest.</summary>
    public IEnumerable<string> Describe()
    {
        var kept = Kept;
        foreach (var e in kept)
        {
            yield return e.ToString();
        }

        if (Count > kept.Count)
        {
            yield return $"... and {Count - kept.Count} more error(s)";
        }
    }
}

/// <summary>Bad input: the program reports every error and writes nothing.</summary>
public sealed class InputException : Exception
{
    public InputException(InputErrors errors)
        : base($"{errors.Count} input error(s); first: {errors.Kept[0]}") => Errors = errors;

    public InputException(string file, string reason)
        : this(Single(file, reason))
    {
    }

    public InputException()
        : this("(input)", "bad input")
    {
    }

    public InputException(string message, Exception inner)
        : base(message, inner) => Errors = Single("(input)", message);

    public InputException(string message)
        : this("(input)", message)
    {
    }

    public InputErrors Errors { get; }

    private static InputErrors Single(string file, string reason)
    {
        var errors = new InputErrors();
        errors.Add(file, 0, "", "", reason);
        return errors;
    }
}
