using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Connective.Cli.Pb;

/// <summary>Output formats of the `pb` commands that print results.</summary>
internal enum OutputFormat
{
    Markdown,
    Json,
}

/// <summary>Arguments and options shared by several `pb` commands, and the JSON settings they print with.</summary>
internal static class PbOptions
{
    public static Argument<FileInfo> FileArgument() => new("FILE") { Description = "A Pabulib .pb file." };

    public static Option<string> FormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output: markdown (for people) or json (for scripts).",
            DefaultValueFactory = _ => "markdown",
        };
        option.AcceptOnlyFromAmong("markdown", "json");
        return option;
    }

    public static OutputFormat FormatOf(ParseResult parseResult, Option<string> option) =>
        parseResult.GetValue(option) == "json" ? OutputFormat.Json : OutputFormat.Markdown;

    /// <summary>Indented JSON that keeps non-ASCII project names readable (the output is never embedded in HTML).</summary>
    public static JsonWriterOptions Json { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a JSON document to a text writer.</summary>
    public static void WriteJson(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Json))
        {
            write(writer);
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
