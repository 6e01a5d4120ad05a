using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Rekindle.Web.Api;

/// <summary>The ProblemDetails the API answers with when something is missing, refused or wrong.</summary>
public static class Problems
{
    public static ProblemDetails NotFound(string detail) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail, Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5" };

    /// <summary>A business rule said no: 409, the rule's code and the refusal in words.</summary>
    public static ProblemDetails Refused(string detail, string? code = null)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Refused", Detail = detail, Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10" };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        return problem;
    }

    public static ProblemDetails BadRequest(string title, string detail) =>
        new() { Status = StatusCodes.Status400BadRequest, Title = title, Detail = detail, Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1" };
}
