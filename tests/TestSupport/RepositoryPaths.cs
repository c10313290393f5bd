namespace Connective.TestSupport;

/// <summary>Where the repository and the shared data sets are, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root: the folder holding Connective.slnx.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>`../shared/data` beside the repository: real data sets and reference results, read in place.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>A file under `../shared/data`, failing clearly when the shared folder is missing.</summary>
    public static string SharedFile(params string[] parts)
    {
        var path = Path.Combine([SharedData, .. parts]);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Shared data file not found: {path}. Tests read ../shared/data beside the repository root.", path);
        }
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Connective.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Could not find Connective.slnx above {AppContext.BaseDirectory}.");
    }
}
