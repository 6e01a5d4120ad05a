namespace Rekindle.App.Csv;

/// <summary>A growable array read as a span: a column of one part of a file, cleared and filled again for the next part.</summary>
internal sealed class PartColumn<T>(int capacity)
{
    private T[] items = new T[Math.Max(capacity, 16)];
    private int count;

    public ReadOnlySpan<T> Span => items.AsSpan(0, count);

    public void Clear() => count = 0;

    public void Add(T item)
    {
        if (count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        items[count++] = item;
    }
}
