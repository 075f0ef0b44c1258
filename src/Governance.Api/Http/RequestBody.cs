using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Api.Http;

/// <summary>
/// Reads a registry request body: a JSON object in one of the consumed media types, at most
/// <see cref="RegistryApiOptions.MaxRequestBodyBytes"/> long. Fields are read by name; unknown fields and explicit
/// nulls are accepted, a field of the wrong type is refused with a message naming it.
/// </summary>
public sealed class RequestBody
{
    private static readonly byte[] Utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly JsonElement _root;
    private readonly string _path;

    private RequestBody(JsonElement root, string path)
    {
        _root = root;
        _path = path;
    }

    public static async Task<RequestBody> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var maxBytes = context.RequestServices.GetRequiredService<IOptions<RegistryApiOptions>>().Value.MaxRequestBodyBytes;
        var request = context.Request;
        if (!RegistryMediaTypes.IsConsumed(request.ContentType))
        {
            throw new ApiRequestException(415, 415, $"HTTP 415 Unsupported Media Type: '{request.ContentType}' is not one of {RegistryMediaTypes.V1Json}, {RegistryMediaTypes.DefaultJson}, {RegistryMediaTypes.Json} or {RegistryMediaTypes.OctetStream}");
        }

        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        JsonDocument document;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            if (bytes.Span.StartsWith(Utf8ByteOrderMark))
            {
                bytes = bytes[Utf8ByteOrderMark.Length..];
            }

            RequireUtf8(bytes.Span);
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            var message = request.ContentLength == 0 || e.BytePositionInLine == 0 && e.LineNumber == 0
                ? "The request body is empty or not JSON: " + e.Message
                : "The request body is not valid JSON: " + e.Message;
            throw ApiRequestException.BadRequest(message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiRequestException.BadRequest($"The request body must be a JSON object, not {Describe(document.RootElement.ValueKind)}");
            }

            return new RequestBody(document.RootElement.Clone(), string.Empty);
        }
    }

    /// <summary>A string field, or null when absent or null.</summary>
    public string? String(string name)
    {
        if (Field(name, JsonValueKind.String, "a string") is not { } value)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // Valid JSON, but an escape such as \ud800 (an unpaired surrogate) that is no text.
            throw ApiRequestException.BadRequest($"Field '{_path}{name}' is not valid text: it holds an unpaired surrogate escape");
        }
    }

    public bool? Boolean(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(_path + name, "a boolean", value),
        };
    }

    public int? Int32(string name)
    {
        if (Field(name, JsonValueKind.Number, "an integer") is not { } value)
        {
            return null;
        }

        return value.TryGetInt32(out var number)
            ? number
            : throw ApiRequestException.BadRequest(string.Create(CultureInfo.InvariantCulture, $"Field '{_path}{name}' must be a 32-bit integer, not {value.GetRawText()}"));
    }

    /// <summary>An object field as its raw JSON text (stored and returned as given), or null when absent or null.</summary>
    public string? RawObject(string name) => Field(name, JsonValueKind.Object, "an object") is { } e ? e.GetRawText() : null;

    /// <summary>An array field of objects, each read with <paramref name="read"/>; empty when absent or null.</summary>
    public IReadOnlyList<T> Objects<T>(string name, Func<RequestBody, T> read)
    {
        if (Field(name, JsonValueKind.Array, "an array") is not { } array)
        {
            return [];
        }

        var items = new List<T>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw ApiRequestException.BadRequest($"Field '{_path}{name}[{index}]' must be an object, not {Describe(item.ValueKind)}");
            }

            items.Add(read(new RequestBody(item, $"{_path}{name}[{index}].")));
            index++;
        }

        return items;
    }

    private JsonElement? Field(string name, JsonValueKind kind, string expected)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw WrongType(_path + name, expected, value);
    }

    private static ApiRequestException WrongType(string name, string expected, JsonElement value) =>
        ApiRequestException.BadRequest($"Field '{name}' must be {expected}, not {Describe(value.ValueKind)}");

    /// <summary>
    /// Refuses a body that is not UTF-8 (JSON text is UTF-8, RFC 8259 section 8.1), as Jackson refuses it with 400 before
    /// any field is read: otherwise the bytes would reach the registry undecodable.
    /// </summary>
    private static void RequireUtf8(ReadOnlySpan<byte> body)
    {
        if (System.Text.Unicode.Utf8.IsValid(body))
        {
            return;
        }

        var offset = 0;
        while (System.Text.Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        throw ApiRequestException.BadRequest(string.Create(
            CultureInfo.InvariantCulture, $"The request body is not valid UTF-8 JSON: invalid byte 0x{body[offset]:X2} at byte offset {offset}"));
    }

    private static ApiRequestException TooLarge(long maxBytes) =>
        new(413, 413, string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the limit of {maxBytes} bytes"));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
