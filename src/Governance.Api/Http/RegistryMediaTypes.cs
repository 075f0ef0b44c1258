using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Governance.Api.Http;

/// <summary>
/// The media types Confluent Schema Registry produces and consumes (<c>client/.../rest/Versions.java</c>), and the
/// content negotiation between them: the server prefers v1 (qs 1), then the unversioned type (qs 0.9), then plain JSON (qs 0.5).
/// </summary>
public static class RegistryMediaTypes
{
    public const string V1Json = "application/vnd.schemaregistry.v1+json";
    public const string DefaultJson = "application/vnd.schemaregistry+json";
    public const string Json = "application/json";
    public const string OctetStream = "application/octet-stream";

    private const string NegotiatedKey = "Governance.Api.ResponseMediaType";

    private static readonly (string MediaType, double ServerQuality)[] Produced = [(V1Json, 1.0), (DefaultJson, 0.9), (Json, 0.5)];

    private static readonly string[] Consumed = [V1Json, DefaultJson, Json, OctetStream];

    /// <summary>
    /// The media type to answer with, chosen from the request's <c>Accept</c> header, or null when it accepts none of ours.
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var accepted) || accepted.Count == 0)
        {
            return V1Json;
        }

        string? best = null;
        var bestScore = 0.0;
        foreach (var (mediaType, serverQuality) in Produced)
        {
            var clientQuality = accepted
                .Where(a => Matches(a, mediaType))
                .Select(a => a.Quality ?? 1.0)
                .DefaultIfEmpty(0.0)
                .Max();
            var score = clientQuality * serverQuality;
            if (score > bestScore)
            {
                (best, bestScore) = (mediaType, score);
            }
        }

        return best;
    }

    /// <summary>The media type negotiated for this request, or v1 when negotiation has not run (e.g. an unknown route).</summary>
    public static string ResponseMediaType(HttpContext context) =>
        context.Items[NegotiatedKey] as string ?? Negotiate(context.Request) ?? V1Json;

    internal static void RememberResponseMediaType(HttpContext context, string mediaType) => context.Items[NegotiatedKey] = mediaType;

    /// <summary>Whether a request body of this content type is accepted; a body without a content type is read as JSON.</summary>
    public static bool IsConsumed(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        return Consumed.Any(c => parsed.MediaType.Equals(c, StringComparison.OrdinalIgnoreCase));
    }

    private static bool Matches(MediaTypeHeaderValue accepted, string mediaType)
    {
        var type = accepted.MediaType.Value ?? string.Empty;
        if (type == "*/*")
        {
            return true;
        }

        if (type.EndsWith("/*", StringComparison.Ordinal))
        {
            return mediaType.StartsWith(type[..^1], StringComparison.OrdinalIgnoreCase);
        }

        return type.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
    }
}
