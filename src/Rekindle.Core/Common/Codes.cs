namespace Rekindle.Common;

/// <summary>The snake_case words used for enums in files, JSON and on the command line.</summary>
public static class Codes
{
    private static readonly string[] OrderStatusCodes = ["booked", "cancelled", "refunded"];
    private static readonly string[] EngagementKindCodes =
        ["web_visit", "email_open", "email_click", "call_answered", "call_unanswered", "meeting", "support_ticket", "event"];
    private static readonly string[] DirectionCodes = ["inbound", "outbound"];
    private static readonly string[] ChannelCodes = ["email", "phone", "social", "postal"];

    public static IReadOnlyList<string> AllEngagementKinds => EngagementKindCodes;
    public static IReadOnlyList<string> AllChannels => ChannelCodes;

    public static string Of(OrderStatus value) => OrderStatusCodes[(int)value];
    public static string Of(EngagementKind value) => EngagementKindCodes[(int)value];
    public static string Of(Direction value) => DirectionCodes[(int)value];
    public static string Of(Channel value) => ChannelCodes[(int)value];

    public static bool TryParse(ReadOnlySpan<char> text, out OrderStatus value) => TryParse(OrderStatusCodes, text, out value);
    public static bool TryParse(ReadOnlySpan<char> text, out EngagementKind value) => TryParse(EngagementKindCodes, text, out value);
    public static bool TryParse(ReadOnlySpan<char> text, out Direction value) => TryParse(DirectionCodes, text, out value);
    public static bool TryParse(ReadOnlySpan<char> text, out Channel value) => TryParse(ChannelCodes, text, out value);

    private static bool TryParse<T>(string[] codes, ReadOnlySpan<char> text, out T value)
        where T : struct, Enum
    {
        var trimmed = text.Trim();
        for (var i = 0; i < codes.Length; i++)
        {
            // Files almost always hold the codes as written: an exact match first, then any case.
            if (trimmed.SequenceEqual(codes[i]))
            {
                value = ByIndex<T>.Values[i];
                return true;
            }
        }

        for (var i = 0; i < codes.Length; i++)
        {
            if (trimmed.Equals(codes[i], StringComparison.OrdinalIgnoreCase))
            {
                value = ByIndex<T>.Values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Each enum value by its number, made once: parsing a code allocates nothing (millions of rows a load).</summary>
    private static class ByIndex<T>
        where T : struct, Enum
    {
        public static readonly T[] Values = [.. Enumerable.Range(0, 64).Select(i => (T)Enum.ToObject(typeof(T), i))];
    }
}
