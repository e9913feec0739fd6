using NegotiationTracker.Hosting;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NegotiationTracker.Server.Tests.Fixtures;

/// <summary>JSON the way the server reads and writes it (camelCase names and vocabulary words).</summary>
public static class Http
{
    public static readonly JsonSerializerOptions Json = Options();

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return client.SendAsync(request);
    }

    /// <summary>A body sent exactly as written, for requests no serializer would produce.</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task<HttpResponseMessage> ShouldBeOk(this Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        ((int)response.StatusCode).ShouldBeInRange(200, 299, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Wire.Json(options);
        return options;
    }
}
