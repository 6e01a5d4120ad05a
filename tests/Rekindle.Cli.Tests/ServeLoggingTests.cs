using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Rekindle.Web;

namespace Rekindle.Cli.Tests;

/// <summary>The server's logs: framework at warning by default (no line per request), Rekindle's own at information.</summary>
public class ServeLoggingTests
{
    private static ILoggerFactory Factory(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return LoggerFactory.Create(b =>
        {
            b.SetMinimumLevel(LogLevel.Information);
            b.AddProvider(new NullProvider());
            RekindleServer.QuietFramework(b, configuration);
        });
    }

    [Fact]
    public void QuietFramework_Default_FrameworkAtWarningRekindleAtInformation()
    {
        using var factory = Factory(new Dictionary<string, string?>());
        Assert.False(factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.True(factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
        Assert.True(factory.CreateLogger("Rekindle.Web.Hosting.NightlyJob").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void QuietFramework_ConfiguredLevel_Wins()
    {
        using var factory = Factory(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft"] = "Information" });
        Assert.True(factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }

    private sealed class NullProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new EveryLevel();

        public void Dispose()
        {
        }
    }

    /// <summary>Enabled at every level: only the factory's filters decide.</summary>
    private sealed class EveryLevel : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
