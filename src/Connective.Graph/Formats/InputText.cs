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
        if (read < 2 || magic[0] != 0x1F || magic[1] != 0x8B)
        {
            return rewound;
        }
        var raw = new TailKeepingStream(rewound);
        return new SizeCheckingStream(new GZipStream(raw, CompressionMode.Decompress), raw);
    }

    /// <summary>The file name without a trailing .gz, for choosing the format by extension.</summary>
    public static string WithoutGzipExtension(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;

    /// <summary>Passes compressed bytes through, remembering the last four: the gzip trailer's ISIZE once the input ends.</summary>
    private sealed class TailKeepingStream(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[4];
        private long _total;

        /// <summary>The uncompressed size mod 2^32 that the trailer declares, or null when the input was shorter than a trailer.</summary>
        public uint? DeclaredSize => _total < 18 ? null : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(_tail);

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            if (n >= 4)
            {
                buffer.Slice(n - 4, 4).CopyTo(_tail);
            }
            else if (n > 0)
            {
                // Shift the kept bytes left and append the few new ones.
                _tail.AsSpan(n).CopyTo(_tail);
                buffer[..n].CopyTo(_tail.AsSpan(4 - n));
            }
            _total += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// Counts decompressed bytes and, at the end, compares them with the trailer: .NET's GZipStream ends quietly on a
    /// truncated file, which would otherwise yield a partial graph.
    /// </summary>
    private sealed class SizeCheckingStream(GZipStream inner, TailKeepingStream raw) : ReadOnlyStream
    {
        private long _count;

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _count += n;
            if (n == 0 && buffer.Length > 0 && raw.DeclaredSize != (uint)_count)
            {
                throw new InvalidDataException($"the file ends before the gzip trailer says it should ({_count} bytes decompressed): it is truncated or damaged");
            }
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>The plumbing every read-only, forward-only stream here shares.</summary>
    private abstract class ReadOnlyStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public abstract override int Read(Span<byte> buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

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
