using Rekindle.Policies;

namespace Rekindle.App.Policies;

/// <summary>A policy document that cannot be used: every problem, each naming its key.</summary>
public sealed class PolicyException(string source, IReadOnlyList<PolicyProblem> problems)
    : Exception($"{source}: {problems.Count} problem(s) in the policy")
{
    public string File { get; } = source;
    public IReadOnlyList<PolicyProblem> Problems { get; } = problems;
}

/// <summary>Reads and writes policy files.</summary>
public static class PolicyFile
{
    /// <summary>The policy in <paramref name="path"/>, or the defaults when no path is given.</summary>
    public static Policy Load(string? path)
    {
        if (path is null)
        {
            return Policy.Default;
        }

        if (!System.IO.File.Exists(path))
        {
            throw new PolicyException(path, [new PolicyProblem("(file)", "policy file not found")]);
        }

        var result = PolicyJson.Parse(System.IO.File.ReadAllText(path));
        return result.Policy ?? throw new PolicyException(path, result.Problems);
    }
}
