using Cronos;

namespace Rekindle.Web.Hosting;

/// <summary>When the nightly jobs run: a five-field cron expression read in UTC (<see cref="ServerSettings.Schedule"/>).</summary>
public sealed class JobSchedule
{
    private readonly CronExpression cron;

    public JobSchedule(string expression)
    {
        try
        {
            cron = CronExpression.Parse(expression, CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new ArgumentException($"the schedule '{expression}' is not a cron expression of five fields (minute hour day month weekday, UTC): {e.Message}", nameof(expression), e);
        }

        Expression = expression;
    }

    public string Expression { get; }

    /// <summary>The first time strictly after <paramref name="now"/> the schedule names, or null when it names none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset now) => cron.GetNextOccurrence(now, TimeZoneInfo.Utc);
}
