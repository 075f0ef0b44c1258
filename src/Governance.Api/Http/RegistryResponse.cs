using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Governance.Api.Http;

/// <summary>
/// A registry API answer: JSON written straight to the response with the negotiated media type. Bodies are written
/// by hand (Utf8JsonWriter) so that their field names, order and omitted fields match Confluent's exactly.
/// </summary>
public sealed class RegistryResponse : IResult
{
    /// <summary>Quotes in schema text written as <c>\"</c>, as Jackson writes them, not as <c>\u0022</c>.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly int _status;
    private readonly Action<Utf8JsonWriter> _write;

    private RegistryResponse(int status, Action<Utf8JsonWriter> write)
    {
        _status = status;
        _write = write;
    }

    public static RegistryResponse Ok(Action<Utf8JsonWriter> write) => new(StatusCodes.Status200OK, write);

    public static RegistryResponse Error(int status, int errorCode, string message) =>
        new(status, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("error_code", errorCode);
            w.WriteString("message", message);
            w.WriteEndObject();
        });

    /// <summary>An empty JSON object, <c>{}</c>.</summary>
    public static RegistryResponse EmptyObject() => Ok(w =>
    {
        w.WriteStartObject();
        w.WriteEndObject();
    });

    public static RegistryResponse Numbers(IEnumerable<int> numbers) => Ok(w =>
    {
        w.WriteStartArray();
        foreach (var n in numbers)
        {
            w.WriteNumberValue(n);
        }

        w.WriteEndArray();
    });

    public static RegistryResponse Strings(IEnumerable<string> values) => Ok(w =>
    {
        w.WriteStartArray();
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    });

    public static RegistryResponse Number(int number) => Ok(w => w.WriteNumberValue(number));

    /// <summary>A schema's text as the body itself (Confluent's <c>.../schema</c> endpoints), not wrapped in a JSON string.</summary>
    public static RegistryResponse RawText(string text) => Ok(w => w.WriteRawValue(text, skipInputValidation: true));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = _status;
        response.ContentType = RegistryMediaTypes.ResponseMediaType(httpContext);
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            _write(writer);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
