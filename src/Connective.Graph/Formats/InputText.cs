using System.IO.Compression;

namespace Connective.Graph.Formats;

/// <summary>Opening graph files: gzip is recognised by its magic bytes, whatever the file is called.</summary>
internal static class InputText
{
    private static readonly int FileBufferSize = 1 << 16;

    public static Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
        try
        {
            return Decompressed(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The stream itself, or a decompressing view of it when it starts with the gzip magic bytes 1F 8B.</summary>
    public static Stream Decompressed(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        Stream rewound;
        if (stream.CanSeek)
        {
            stream.Seek(-read, SeekOrigin.Current);
            rewound = stream;
        }
        else
        {
            rewound = new PrefixedStream(magic[..read].ToArray(), stream);
        }
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipStream(rewound, CompressionMode.Decompress) : rewound;
    }

    /// <summary>The file name without a trailing .gz, for choosing the format by extension.</summary>
    public static string WithoutGzipExtension(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;

    /// <summary>A read-only stream that replays a few bytes already taken from a non-seekable stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
    {
        private int _prefixPosition;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefixPosition < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _prefixPosition);
                prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
                _prefixPosition += n;
                return n;
            }
            return inner.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
