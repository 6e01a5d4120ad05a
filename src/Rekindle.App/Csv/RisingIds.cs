namespace Rekindle.App.Csv;

/// <summary>
/// Whether the ids of one part of a file rise strictly (ordinal order), with the first and the last, so that
/// <see cref="DuplicateIds"/> can tell a file of rising ids, where no id can repeat, with no other work.
/// Empty ids are not ids (they are errors of their own).
/// </summary>
internal sealed class RisingIds
{
    private char[] last = new char[32];
    private int lastLength = -1;

    /// <summary>Every id noted is greater than the one before it (true when none was noted).</summary>
    public bool Rising { get; private set; } = true;

    public string? FirstId { get; private set; }

    /// <summary>The last id noted while they rose.</summary>
    public string? LastId => lastLength < 0 ? null : new string(last, 0, lastLength);

    public void Clear()
    {
        Rising = true;
        FirstId = null;
        lastLength = -1;
    }

    public void Note(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || !Rising)
        {
            return;
        }

        if (lastLength < 0)
        {
            FirstId = id.ToString();
        }
        else if (id.SequenceCompareTo(last.AsSpan(0, lastLength)) <= 0)
        {
            Rising = false;
            return;
        }

        if (id.Length > last.Length)
        {
            last = new char[id.Length * 2];
        }

        id.CopyTo(last);
        lastLength = id.Length;
    }
}
