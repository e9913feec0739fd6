using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegotiationTracker.Cli.Output;

public enum OutputFormat { Table, Json, Csv }

public static class Formats
{
    /// <summary>camelCase names and vocabulary words ("principal", "supports"), as docs/cli.md documents them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same, on one line: event data inside a table or an audit listing.</summary>
    public static readonly JsonSerializerOptions Compact = new(Json) { WriteIndented = false };

    public static Option<OutputFormat> Option(params OutputFormat[] allowed)
    {
        var option = new Option<OutputFormat>("--format")
        {
            Description = $"Output format: {string.Join(" | ", allowed.Select(Word))}",
            DefaultValueFactory = _ => OutputFormat.Table,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "table" : result.Tokens[0].Value;
                var match = allowed.FirstOrDefault(f => Word(f) == text);
                if (Word(match) != text)
                {
                    result.AddError($"--format '{text}' is not one of {string.Join(", ", allowed.Select(Word))}");
                }

                return match;
            },
        };
        return option;
    }

    public static string Word(OutputFormat format) => format.ToString().ToLowerInvariant();
}
