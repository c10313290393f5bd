namespace Connective.Graph.Algorithms;

/// <summary>
/// Splits the communities of a level into chunks of similar work and runs the chunks on every core. Chunk boundaries
/// depend only on the data, never on the number of threads, and every chunk writes only its own communities' entries
/// (and draws from its own generator), so results are the same on one core or many.
/// </summary>
internal static class CommunityChunks
{
    /// <summary>Chunks per level: enough for two workers to balance uneven communities.</summary>
    private const int TargetChunks = 64;

    /// <summary>
    /// Levels with fewer adjacency entries run on the calling thread. Lower than <see cref="ParallelWork.SequentialWork"/>:
    /// a refinement or aggregation chunk is a whole community's rows, much more work per hand-out than a node's, so two
    /// workers already pay on a 30,000-entry level (hep-th's first level: Leiden 9.9 → 8.9 ms).
    /// </summary>
    private const long ParallelFromWork = 30_000;

    /// <summary>Smallest chunk worth handing out, in adjacency entries.</summary>
    private const int MinimumChunkWork = 8192;

    /// <summary>
    /// Chunk boundaries over communities 0..<paramref name="count"/>−1, where community c's work is
    /// <paramref name="workStart"/>[c + 1] − <paramref name="workStart"/>[c]; chunk i is [result[i], result[i + 1]).
    /// </summary>
    public static int[] Split(ReadOnlySpan<int> workStart, int count)
    {
        var target = Math.Max(MinimumChunkWork, workStart[count] / TargetChunks);
        var bounds = new List<int>(TargetChunks + 2) { 0 };
        var chunkStart = 0;
        for (var c = 0; c < count; c++)
        {
            if (workStart[c + 1] - workStart[chunkStart] >= target)
            {
                chunkStart = c + 1;
                bounds.Add(chunkStart);
            }
        }
        if (bounds[^1] != count)
        {
            bounds.Add(count);
        }
        return [.. bounds];
    }

    /// <summary>
    /// Calls <paramref name="body"/>(chunk, scratch) for every chunk: on the calling thread when <paramref name="work"/>
    /// is below <see cref="ParallelFromWork"/>, otherwise on up to <see cref="ParallelWork.MaxWorkers"/> workers, each creating its scratch once with
    /// <paramref name="createScratch"/>(worker index) and taking chunks in turn from a shared counter.
    /// </summary>
    public static void Run<TScratch>(int chunks, long work, Func<int, TScratch> createScratch, Action<int, TScratch> body)
    {
        var workers = work < ParallelFromWork ? 1 : Math.Min(ParallelWork.MaxWorkers, chunks);
        if (workers <= 1)
        {
            var scratch = createScratch(0);
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                body(chunk, scratch);
            }
            return;
        }
        var nextChunk = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var scratch = createScratch(worker);
            int chunk;
            while ((chunk = Interlocked.Increment(ref nextChunk)) < chunks)
            {
                body(chunk, scratch);
            }
        });
    }
}
