using System.Text.Encodings.Web;

namespace Connective.Web.Infrastructure;

/// <summary>
/// The app's HTML encoder: the default one, except that text holding Unicode bidirectional controls (an override such as
/// U+202E, an embedding, an isolate or a mark) is written between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE
/// (U+2068 … U+2069, UAX #9). Inside an isolate the text keeps whatever direction it asks for, every embedding or
/// override it opens is closed at its end, and the page's own words around it are never reordered: what &lt;bdi&gt;
/// does, done here once so that no view, partial or tag helper can forget it. Text without controls (including names in
/// right-to-left scripts, which cannot reverse anything beyond their own words) is written exactly as before, so form
/// values round-trip unchanged; a value that already carries the isolate is not wrapped twice.
/// </summary>
internal sealed class BidiIsolatingHtmlEncoder(HtmlEncoder inner) : HtmlEncoder
{
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';
    private const string Open = "&#x2068;";
    private const string Close = "&#x2069;";

    public override int MaxOutputCharactersPerInputCharacter => inner.MaxOutputCharactersPerInputCharacter;

    /// <summary>Whether the text holds a bidirectional control and is not already one whole isolate.</summary>
    public static bool NeedsIsolation(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(Controls) < 0)
        {
            return false;
        }
        return !(text.Length >= 2 && text[0] == FirstStrongIsolate && text[^1] == PopDirectionalIsolate
                 && text.Count(FirstStrongIsolate) + text.Count('\u2066') + text.Count('\u2067') == text.Count(PopDirectionalIsolate));
    }

    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");

    public override string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NeedsIsolation(value) ? Open + inner.Encode(value) + Close : inner.Encode(value);
    }

    public override void Encode(TextWriter output, string value, int startIndex, int characterCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        var isolate = NeedsIsolation(value.AsSpan(startIndex, characterCount));
        if (isolate)
        {
            output.Write(Open);
        }
        inner.Encode(output, value, startIndex, characterCount);
        if (isolate)
        {
            output.Write(Close);
        }
    }

    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        var isolate = NeedsIsolation(value.AsSpan(startIndex, characterCount));
        if (isolate)
        {
            output.Write(Open);
        }
        inner.Encode(output, value, startIndex, characterCount);
        if (isolate)
        {
            output.Write(Close);
        }
    }

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) => inner.FindFirstCharacterToEncode(text, textLength);

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten) =>
        inner.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);

    public override bool WillEncode(int unicodeScalar) => inner.WillEncode(unicodeScalar);
}
