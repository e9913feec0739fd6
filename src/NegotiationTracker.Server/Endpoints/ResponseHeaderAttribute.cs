namespace NegotiationTracker.Server.Endpoints;

/// <summary>A header an endpoint sends with one of its answers, for the OpenAPI document (<see cref="ResponseDocumentation"/>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseHeaderAttribute(int status, string name, string description) : Attribute
{
    public int Status { get; } = status;

    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Sent with every answer of <see cref="Status"/>, not only some.</summary>
    public bool Always { get; init; }

    /// <summary>The header's value is a whole number (X-Total-Count); otherwise text.</summary>
    public bool Integer { get; init; }
}

/// <summary>
/// The body an endpoint writes for one media type of an answer, where the endpoint writes it as text itself (the
/// report's JSON), so the generator saw only a string.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseBodyAttribute(int status, string contentType, Type type) : Attribute
{
    public int Status { get; } = status;

    public string ContentType { get; } = contentType;

    public Type Type { get; } = type;
}
