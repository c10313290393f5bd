using System.Text;

namespace Connective.Graph.Tests.Formats;

/// <summary>Temporary files for reader tests, deleted when the test ends.</summary>
internal sealed class FormatTestFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("connective-formats-").FullName;

    public string Path(string name) => System.IO.Path.Combine(_directory, name);

    public string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
