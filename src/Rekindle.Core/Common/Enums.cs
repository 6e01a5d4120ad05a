namespace Rekindle.Common;

/// <summary>Status of an order row. Only <see cref="Booked"/> is a purchase.</summary>
public enum OrderStatus : byte
{
    Booked = 0,
    Cancelled = 1,
    Refunded = 2,
}

/// <summary>What kind of touch an engagement row records.</summary>
public enum EngagementKind : byte
{
    WebVisit = 0,
    EmailOpen = 1,
    EmailClick = 2,
    CallAnswered = 3,
    CallUnanswered = 4,
    Meeting = 5,
    SupportTicket = 6,
    Event = 7,
}

/// <summary>Who started an engagement.</summary>
public enum Direction : byte
{
    Inbound = 0,
    Outbound = 1,
}

/// <summary>A contact channel a campaign can use.</summary>
public enum Channel : byte
{
    Email = 0,
    Phone = 1,
    Social = 2,
    Postal = 3,
}
