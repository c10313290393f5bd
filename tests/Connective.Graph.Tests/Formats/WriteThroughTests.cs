using System.Diagnostics;
using System.IO.Pipes;
using Connective.Graph.Formats;
using Connective.TestSupport;

namespace Connective.Graph.Tests.Formats;

/// <summary>Output reaches what a path names: a symlink is written through (not replaced), a FIFO is written into.</summary>
public sealed class WriteThroughTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("connective-write-through-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Writing_to_a_symlink_writes_its_target_and_keeps_the_link()
    {
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "karate.edgelist"));
        var target = Path.Combine(_folder, "target.graphml");
        File.WriteAllText(target, "old");
        var link = Path.Combine(_folder, "link.graphml");
        File.CreateSymbolicLink(link, target);

        GraphFile.Write(graph, link);

        Assert.NotNull(new FileInfo(link).LinkTarget);
        var back = GraphFile.Read(target);
        Assert.Equal(graph.NodeCount, back.NodeCount);
        Assert.Equal(graph.EdgeCount, back.EdgeCount);
    }

    [Fact]
    public async Task Writing_to_a_fifo_reaches_the_reader_and_keeps_the_fifo()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "karate.edgelist"));
        var fifo = Path.Combine(_folder, "pipe.edgelist");
        using (var mkfifo = Process.Start("mkfifo", [fifo])!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        // The reader opens the FIFO on another thread; opening for writing blocks until it does.
        var reader = Task.Run(() =>
        {
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Read);
            return GraphFile.Read(stream, GraphFormat.EdgeList);
        });

        GraphFile.Write(graph, fifo, GraphFormat.EdgeList);
        var received = await reader.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(graph.NodeCount, received.NodeCount);
        Assert.Equal(graph.EdgeCount, received.EdgeCount);
        Assert.Equal(0, new FileInfo(fifo).Length); // still a FIFO: a regular file put in its place would hold the graph
        Assert.Empty(Directory.GetFiles(_folder, ".*.tmp"));
    }
    [Fact]
    public async Task Writing_to_a_process_descriptor_link_reaches_the_pipe_behind_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "karate.edgelist"));
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        // /proc/self/fd/N links to "pipe:[inode]", a name no file has: /dev/stdout on a pipe is this case.
        var link = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";
        var reader = Task.Run(() => GraphFile.Read(pipe, GraphFormat.GraphML));

        GraphFile.Write(graph, link, GraphFormat.GraphML);
        pipe.DisposeLocalCopyOfClientHandle(); // the writer's end closed: the reader sees the end of the data
        var received = await reader.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(graph.NodeCount, received.NodeCount);
        Assert.Equal(graph.EdgeCount, received.EdgeCount);
    }

    [Fact]
    public void Writing_to_a_device_leaves_the_device_in_place()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var graph = GraphFile.Read(RepositoryPaths.SharedFile("networks", "karate.edgelist"));

        GraphFile.Write(graph, "/dev/null", GraphFormat.Gml);

        Assert.False(FileKind.IsRegular("/dev/null"));
    }
}
