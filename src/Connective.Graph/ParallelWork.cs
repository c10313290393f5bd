namespace Connective.Graph;

/// <summary>Runs chunks of a range on a fixed set of workers that each own their scratch space.</summary>
internal static class ParallelWork
{
    /// <summary>
    /// Calls <paramref name="body"/>(start, end, scratch) for consecutive chunks of [0, <paramref name="count"/>), on one
    /// worker per core; each worker creates its scratch once with <paramref name="createScratch"/> and takes chunks
    /// in turn from a shared counter, so large per-worker arrays are allocated once per worker, not once per task.
    /// Results must be written per item (or combined in a fixed order) for the outcome not to depend on scheduling.
    /// </summary>
    public static void ForChunks<TScratch>(int count, int chunkSize, Func<TScratch> createScratch, Action<int, int, TScratch> body)
    {
        var chunks = (count + chunkSize - 1) / chunkSize;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, chunks));
        var nextChunk = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var scratch = createScratch();
            int chunk;
            while ((chunk = Interlocked.Increment(ref nextChunk)) < chunks)
            {
                var start = chunk * chunkSize;
                body(start, Math.Min(count, start + chunkSize), scratch);
            }
        });
    }
}
