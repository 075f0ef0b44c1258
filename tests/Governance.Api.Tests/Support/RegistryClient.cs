using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace Governance.Api.Tests.Support;

/// <summary>Plain HTTP calls to the registry API, answering status, content type and the parsed JSON body.</summary>
public sealed class RegistryClient(HttpClient http) : IDisposable
{
    public const string V1Json = "application/vnd.schemaregistry.v1+json";

    public HttpClient Http => http;

    public Task<RegistryAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<RegistryAnswer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<RegistryAnswer> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, Json(body));

    public Task<RegistryAnswer> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, Json(body));

    public async Task<RegistryAnswer> SendAsync(HttpMethod method, string path, HttpContent? content, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new RegistryAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    /// <summary>A body as the serializers send it: JSON with the v1 content type.</summary>
    public static StringContent Json(object body, string contentType = V1Json)
    {
        var text = body as string ?? JsonSerializer.Serialize(body);
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>Registers a schema and returns its id.</summary>
    public async Task<int> RegisterAsync(string subject, string schema, object? references = null)
    {
        var answer = await PostAsync($"/subjects/{Uri.EscapeDataString(subject)}/versions", new { schema, references });
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Text);
        return answer.Json["id"]!.GetValue<int>();
    }

    public void Dispose() => http.Dispose();
}

public sealed record RegistryAnswer(HttpStatusCode Status, string? ContentType, string Text)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("The body is JSON null");

    /// <summary>Asserts a Confluent error body with this HTTP status and <c>error_code</c>, and returns its message.</summary>
    public string ShouldBeError(int httpStatus, int errorCode)
    {
        ((int)Status).ShouldBe(httpStatus, Text);
        var json = Json;
        json["error_code"]!.GetValue<int>().ShouldBe(errorCode, Text);
        var message = json["message"]!.GetValue<string>();
        message.ShouldNotBeNullOrWhiteSpace();
        return message;
    }

    public void ShouldBeOk() => Status.ShouldBe(HttpStatusCode.OK, Text);
}
