using System.Runtime.InteropServices;

namespace Connective.Graph.Formats;

/// <summary>
/// Tells an ordinary file from a device, a FIFO or a socket. .NET exposes only permission bits, so on Linux this reads
/// the file type from stat(2); elsewhere a file that cannot seek (a pipe or a terminal) counts as special.
/// </summary>
internal static partial class FileKind
{
    private const uint TypeMask = 0xF000; // S_IFMT
    private const uint RegularType = 0x8000; // S_IFREG

    /// <summary>True when <paramref name="path"/> (symlinks followed) is an ordinary file.</summary>
    public static bool IsRegular(string path)
    {
        if (OperatingSystem.IsLinux() && ModeOffset() is { } offset)
        {
            Span<byte> status = stackalloc byte[256];
            if (Stat(path, status) == 0)
            {
                return (BitConverter.ToUInt32(status[offset..]) & TypeMask) == RegularType;
            }
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return stream.CanSeek;
    }

    // Where struct stat keeps st_mode in the kernel's generic and x86-64 layouts; other architectures use the fallback.
    private static int? ModeOffset() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 24,
        Architecture.Arm64 or Architecture.RiscV64 or Architecture.LoongArch64 => 16,
        _ => null,
    };

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, Span<byte> status);
}
