using Rekindle.Lifecycle;

namespace Rekindle.Core.Tests;

public class ArchitectureTests
{
    [Fact]
    public void Core_ReferencesNothingThatDoesIO()
    {
        var allowed = new[] { "System.", "Microsoft.Win32.Primitives", "MathNet.Numerics", "netstandard", "mscorlib" };
        var references = typeof(LifecycleEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var forbidden = references.Where(r => !allowed.Any(a => r.StartsWith(a, StringComparison.Ordinal)) && r != "System").ToList();
        Assert.Empty(forbidden);
        Assert.DoesNotContain(references, r => r.Contains("EntityFramework", StringComparison.Ordinal) || r.Contains("Data.", StringComparison.Ordinal) || r.Contains("Http", StringComparison.Ordinal));
    }
}
