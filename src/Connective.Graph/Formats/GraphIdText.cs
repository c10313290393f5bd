namespace Connective.Graph.Formats;

/// <summary>The rule for ids that stay integers: digits only, no sign, no leading zero (except "0"), within <see cref="long"/>.</summary>
internal static class GraphIdText
{
    public static bool TryParseCanonicalInteger(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 19 || (text[0] == (byte)'0' && text.Length > 1))
        {
            return false;
        }
        ulong v = 0;
        foreach (var b in text)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return false;
            }
            v = (v * 10) + d;
        }
        if (v > long.MaxValue)
        {
            return false;
        }
        value = (long)v;
        return true;
    }

    public static bool TryParseCanonicalInteger(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 19 || (text[0] == '0' && text.Length > 1))
        {
            return false;
        }
        ulong v = 0;
        foreach (var c in text)
        {
            var d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }
            v = (v * 10) + d;
        }
        if (v > long.MaxValue)
        {
            return false;
        }
        value = (long)v;
        return true;
    }
}
