namespace Rekindle.Web.Hosting;

/// <summary>The web app's one source of "today": every query then takes that date explicitly.</summary>
public sealed class WebClock(TimeProvider clock)
{
    public TimeProvider Provider => clock;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
