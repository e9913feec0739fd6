namespace NegotiationTracker.Server.Tests.Fixtures.Contract;

/// <summary>
/// Checks every answer a test's <see cref="HttpClient"/> receives against the OpenAPI document the same server serves
/// (<see cref="OpenApiContract"/>), and fails the request with <see cref="ContractViolation"/> when the answer breaks it,
/// so the document cannot drift from the code unnoticed. A request a test sends outside the contract on purpose says
/// so with <see cref="ContractChecking.OutsideTheContract"/>.
/// </summary>
public sealed class ContractCheck(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public static readonly HttpRequestOptionsKey<string> OutsideTheContract = new("negotiation-tracker.outside-the-contract");

    /// <summary>Served beside the API but not part of it: the document itself and the API page that reads it.</summary>
    private static readonly string[] NotTheApi = ["/openapi/", "/scalar"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var address = request.RequestUri!;
        if (request.Options.TryGetValue(OutsideTheContract, out _)
            || NotTheApi.Any(p => address.AbsolutePath.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var contract = await OpenApiContract.OfAsync(address);
        var violations = contract.Check(request.Method, address.AbsolutePath, response, body);
        if (violations.Count > 0)
        {
            var shown = body.Length > 600 ? body[..600] + "…" : body;
            throw new ContractViolation($"The answer breaks the OpenAPI document:\n  {string.Join("\n  ", violations)}\nBody: {shown}");
        }

        return response;
    }
}

/// <summary>An answer the server gave that its own OpenAPI document does not allow.</summary>
public sealed class ContractViolation(string message) : Exception(message);

public static class ContractChecking
{
    /// <summary>A client to <paramref name="address"/> whose every answer is checked against the server's OpenAPI document.</summary>
    public static HttpClient Client(Uri address, HttpMessageHandler? handler = null, TimeSpan? timeout = null) =>
        new(new ContractCheck(handler ?? new SocketsHttpHandler())) { BaseAddress = address, Timeout = timeout ?? TimeSpan.FromMinutes(2) };

    /// <summary>
    /// Marks a request the test sends outside the contract on purpose (a path or method no operation has, a hostile
    /// request), so its answer is not checked; <paramref name="why"/> says why, for the reader.
    /// </summary>
    public static HttpRequestMessage OutsideTheContract(this HttpRequestMessage request, string why)
    {
        request.Options.Set(ContractCheck.OutsideTheContract, why);
        return request;
    }
}
