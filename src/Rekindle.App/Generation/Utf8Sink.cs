using System.Buffers.Text;
using System.Text;

namespace Rekindle.App.Generation;

/// <summary>
/// A growable UTF-8 byte buffer that CSV rows are formatted into: ISO dates from a table, money from
/// whole cents with two decimals, zero-padded ids, RFC 4180 quoting of text that holds a comma, a quote or
/// a line break. Rows end with "\n".
/// </summary>
internal sealed class Utf8Sink
{
    private byte[] buffer = new byte[1 << 16];
    private int length;

    public int Length => length;

    public void Clear() => length = 0;

    public void WriteTo(Stream stream) => stream.Write(buffer, 0, length);

    public Utf8Sink Comma() => Byte((byte)',');

    public Utf8Sink EndRow() => Byte((byte)'\n');

    public Utf8Sink Byte(byte b)
    {
        Ensure(1);
        buffer[length++] = b;
        return this;
    }

    /// <summary>Text known to need no quoting (codes, ids, generated e-mails and phone numbers).</summary>
    public Utf8Sink Plain(string text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        length += Encoding.UTF8.GetBytes(text, buffer.AsSpan(length));

        return this;
    }

    /// <summary>A text field, quoted when it holds a comma, a quote or a line break.</summary>
    public Utf8Sink Text(string text)
    {
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? Plain(text)
            : Byte((byte)'"').Plain(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Byte((byte)'"');
    }

    /// <summary>An id: a prefix and a number zero-padded to <paramref name="width"/> digits (A000042).</summary>
    public Utf8Sink Id(string prefix, long number, int width)
    {
        Plain(prefix);
        Ensure(20);
        var span = buffer.AsSpan(length);
        Utf8Formatter.TryFormat(number, span, out var written, new System.Buffers.StandardFormat('D', (byte)width));
        length += written;

        return this;
    }

    public Utf8Sink Integer(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, buffer.AsSpan(length), out var written);
        length += written;

        return this;
    }

    /// <summary>An amount of money given in whole cents, written with two decimals (1234 as 12.34).</summary>
    public Utf8Sink Money(long cents)
    {
        if (cents < 0)
        {
            Byte((byte)'-');
            cents = -cents;
        }

        Integer(cents / 100);
        Ensure(3);
        var rest = (int)(cents % 100);
        buffer[length++] = (byte)'.';
        buffer[length++] = (byte)('0' + (rest / 10));
        buffer[length++] = (byte)('0' + (rest % 10));

        return this;
    }

    /// <summary>Appends the 10 bytes of an ISO date taken from a <see cref="DateTable"/>.</summary>
    public Utf8Sink Date(DateTable dates, int dayNumber)
    {
        Ensure(DateTable.Width);
        dates.Bytes(dayNumber).CopyTo(buffer.AsSpan(length));
        length += DateTable.Width;

        return this;
    }

    private void Ensure(int extra)
    {
        if (length + extra > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + extra));
        }
    }
}

/// <summary>The ISO (yyyy-MM-dd) UTF-8 text of every day in a range, computed once.</summary>
internal sealed class DateTable
{
    public const int Width = 10;
    private readonly byte[] text;
    private readonly int first;

    public DateTable(int firstDayNumber, int lastDayNumber)
    {
        first = firstDayNumber;
        text = new byte[(lastDayNumber - firstDayNumber + 1) * Width];
        for (var day = firstDayNumber; day <= lastDayNumber; day++)
        {
            DateOnly.FromDayNumber(day).TryFormat(text.AsSpan((day - first) * Width, Width), out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public ReadOnlySpan<byte> Bytes(int dayNumber) => text.AsSpan((dayNumber - first) * Width, Width);
}
