using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rekindle.App.Workspace;
using Rekindle.Policies;
using Rekindle.Web.Auth;

namespace Rekindle.Web.Api;

/// <summary>One policy parameter: its value, its default and what it means.</summary>
public sealed record PolicyParameterItem(string Key, string Value, string Default, string Meaning);

/// <summary>One parameter that changed from the previous version (or from the built-in defaults, for version 1).</summary>
public sealed record PolicyChangeItem(string Key, string Before, string After);

/// <summary>A stored policy version: who set it, when, why and what changed.</summary>
public sealed record PolicyVersionItem(int Number, string VersionId, string SetBy, DateTime SetAtUtc, string Reason, IReadOnlyList<PolicyChangeItem> Changes);

/// <summary>
/// The workspace's current policy: the JSON document (<c>Content</c>, as <c>rekindle policy init</c> writes it), every
/// parameter, and the version it is (null <c>Version</c>: the built-in defaults, never stored).
/// </summary>
public sealed record PolicyResponse(string VersionId, PolicyVersionItem? Version, string Content, IReadOnlyList<PolicyParameterItem> Parameters);

/// <summary>A new policy: the document (a JSON object, or the document as a string) and why it changes.</summary>
public sealed record SetPolicyRequest(JsonElement Policy, string Reason);

/// <summary>What setting the policy did: the version stored, or the current one when the document changed nothing.</summary>
public sealed record SetPolicyResponse(bool Stored, PolicyVersionItem Version);

/// <summary>/api/policy: everyone reads the team's one policy and its versions; only a manager sets it, always with a reason.</summary>
public static class PolicyApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/policy").WithTags("Policy");
        group.MapGet("", Current).WithSummary("The current policy: its JSON document, every parameter with its default and meaning, and its version");
        group.MapGet("/versions", Versions).WithSummary("Every stored policy version, newest first: who, when, why, and each changed parameter (before, after)");
        group.MapPut("", Set).RequireAuthorization(Can.Manage)
            .WithSummary("Set the policy (managers): a new version with the reason; an invalid document is 400 listing every problem under its key");
    }

    internal static PolicyResponse Current(WorkspacePolicies policies)
    {
        var current = policies.Current();
        var (policy, _) = policies.CurrentPolicy();
        return new PolicyResponse(
            PolicyJson.VersionId(policy), current is null ? null : Item(current, Previous(policies, current)), PolicyJson.Write(policy),
            [.. PolicyParameters.All.Select(p => new PolicyParameterItem(p.Key, p.Display(policy), p.Display(Policies.Policy.Default), p.Meaning))]);
    }

    internal static List<PolicyVersionItem> Versions(WorkspacePolicies policies)
    {
        var log = policies.Log();
        return [.. log.Select((v, i) => Item(v, i + 1 < log.Count ? WorkspacePolicies.Parse(log[i + 1]) : Policies.Policy.Default))];
    }

    internal static Results<Ok<SetPolicyResponse>, ValidationProblem> Set(SetPolicyRequest request, ClaimsPrincipal user, WorkspacePolicies policies)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            problems["reason"] = ["every policy change says why"];
        }

        var document = request.Policy.ValueKind switch
        {
            JsonValueKind.String => request.Policy.GetString() ?? "",
            JsonValueKind.Undefined or JsonValueKind.Null => "",
            _ => request.Policy.GetRawText(),
        };
        var read = document.Length == 0
            ? new PolicyReadResult(null, [new PolicyProblem("policy", "the policy document is missing")])
            : PolicyJson.Parse(document);
        foreach (var group in read.Problems.GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            problems[group.Key] = [.. group.Select(p => p.Message)];
        }

        if (problems.Count > 0 || read.Policy is null)
        {
            return TypedResults.ValidationProblem(problems, detail: $"{read.Problems.Count} problem(s) in the policy{(request.Reason is { Length: > 0 } ? "" : "; a reason is required")}: nothing was stored");
        }

        var result = policies.Set(read.Policy, request.Reason, user.Email());
        return TypedResults.Ok(new SetPolicyResponse(result.Stored, Item(result.Version, Previous(policies, result.Version))));
    }

    private static Policy Previous(WorkspacePolicies policies, Storage.PolicyVersion version) =>
        policies.Log().FirstOrDefault(v => v.Number < version.Number) is { } previous ? WorkspacePolicies.Parse(previous) : Policies.Policy.Default;

    private static PolicyVersionItem Item(Storage.PolicyVersion v, Policy previous)
    {
        var policy = WorkspacePolicies.Parse(v);
        return new PolicyVersionItem(v.Number, v.VersionId, v.SetBy, v.SetAtUtc, v.Reason, [.. PolicyParameters.All
            .Where(p => p.Display(previous) != p.Display(policy))
            .Select(p => new PolicyChangeItem(p.Key, p.Display(previous), p.Display(policy)))]);
    }
}
