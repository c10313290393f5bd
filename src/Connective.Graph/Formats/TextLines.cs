using System.Text;

namespace Connective.Graph.Formats;

/// <summary>
/// Reads UTF-8 text line by line with exact line numbers, decoding each line strictly so that bytes in another
/// encoding are reported on the line where they are.
/// </summary>
internal sealed class TextLines(Stream stream, string fileName)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    public string FileName { get; } = fileName;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line without its line break, or null at the end.</summary>
    public string? ReadLine()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Decode(_buffer.AsSpan(_start, newline));
                _start += newline + 1;
                return line;
            }
            if (_eof)
            {
                if (_start == _end)
                {
                    return null;
                }
                var last = Decode(_buffer.AsSpan(_start, _end - _start));
                _start = _end;
                return last;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        int n;
        try
        {
            n = stream.Read(_buffer.AsSpan(_end));
        }
        catch (InvalidDataException e)
        {
            throw new GraphFormatException(FileName, null, $"the gzip data is damaged or truncated ({e.Message})", innerException: e);
        }
        if (n == 0)
        {
            _eof = true;
        }
        _end += n;
    }

    private string Decode(ReadOnlySpan<byte> bytes)
    {
        LineNumber++;
        if (_first)
        {
            _first = false;
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }
            else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                throw new GraphFormatException(FileName, 1, "the file is UTF-16 encoded; save it as UTF-8");
            }
        }
        if (!bytes.IsEmpty && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }
        if (bytes.Contains((byte)0))
        {
            throw new GraphFormatException(FileName, LineNumber, "the line contains a NUL byte: the file is binary or not UTF-8 text");
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new GraphFormatException(FileName, LineNumber, "the line is not valid UTF-8 text (is the file in another encoding?)");
        }
    }
}
