using Microsoft.AspNetCore.Http;

namespace Governance.Api.Http;

/// <summary>
/// Runs before every registry endpoint: negotiates the response media type (406 when the client accepts none of ours)
/// and decodes the <c>subject</c> route value. ASP.NET Core leaves <c>%2F</c> encoded in route values so that it cannot
/// be mistaken for a path separator; Confluent clients encode slashes in subject names that way, so they are decoded
/// here, once, for every subject path.
/// </summary>
public static class RegistryEndpointFilter
{
    public const string SubjectParameter = "subject";

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factoryContext, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(factoryContext);
        var subjectIndex = Array.FindIndex(factoryContext.MethodInfo.GetParameters(), p => p.Name == SubjectParameter && p.ParameterType == typeof(string));
        return context =>
        {
            var mediaType = RegistryMediaTypes.Negotiate(context.HttpContext.Request)
                ?? throw new ApiRequestException(406, 406, $"HTTP 406 Not Acceptable: this server produces {RegistryMediaTypes.V1Json}, {RegistryMediaTypes.DefaultJson} and {RegistryMediaTypes.Json}");
            RegistryMediaTypes.RememberResponseMediaType(context.HttpContext, mediaType);
            if (subjectIndex >= 0 && context.Arguments[subjectIndex] is string subject)
            {
                context.Arguments[subjectIndex] = DecodeSubject(subject);
            }

            return next(context);
        };
    }

    /// <summary>Turns the <c>%2F</c> (any case) that routing left encoded back into <c>/</c>.</summary>
    public static string DecodeSubject(string routeValue) =>
        routeValue.Contains('%', StringComparison.Ordinal)
            ? routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)
            : routeValue;
}
