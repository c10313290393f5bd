namespace Connective.Graph;

/// <summary>Runs chunks of a range on a fixed set of workers that each own their scratch space.</summary>
internal static class ParallelWork
{
    /// <summary>
    /// Work (roughly, array entries touched) below which a kernel runs on the calling thread: starting workers and
    /// handing out chunks costs tens of microseconds, more than a small graph's whole pass.
    /// </summary>
    public const long SequentialWork = 200_000;

    private static int _maxWorkers = Environment.ProcessorCount;

    /// <summary>
    /// How many workers parallel kernels use at most: the number of cores, unless a test lowers (or raises) it to check
    /// that results are the same on one core as on several. Every split of work into workers reads this one setting.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When set below 1.</exception>
    internal static int MaxWorkers
    {
        get => _maxWorkers;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxWorkers = value;
        }
    }

    /// <summary>
    /// Calls <paramref name="body"/>(start, end, scratch) for consecutive chunks of [0, <paramref name="count"/>), on up to
    /// <see cref="MaxWorkers"/> workers (one per core by default); each worker creates its scratch once with <paramref name="createScratch"/> and takes chunks
    /// in turn from a shared counter, so large per-worker arrays are allocated once per worker, not once per task.
    /// With a single chunk (or <see cref="MaxWorkers"/> at 1) everything runs on the calling thread.
    /// Results must be written per item (or combined in a fixed order) for the outcome not to depend on scheduling.
    /// </summary>
    public static void ForChunks<TScratch>(int count, int chunkSize, Func<TScratch> createScratch, Action<int, int, TScratch> body)
    {
        var chunks = (count + chunkSize - 1) / chunkSize;
        var workers = Math.Max(1, Math.Min(MaxWorkers, chunks));
        if (workers == 1)
        {
            if (count > 0)
            {
                body(0, count, createScratch());
            }
            return;
        }
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

    /// <summary>
    /// Calls <paramref name="body"/>(start, end) over [0, <paramref name="count"/>) in chunks on up to
    /// <see cref="MaxWorkers"/> workers, or once over the whole range on the calling thread when <paramref name="work"/>
    /// is below <see cref="SequentialWork"/> (or <see cref="MaxWorkers"/> is 1).
    /// The body must write per item, so the outcome does not depend on the split.
    /// </summary>
    public static void ForRanges(int count, long work, Action<int, int> body)
    {
        if (work < SequentialWork || MaxWorkers == 1 || count < 2)
        {
            if (count > 0)
            {
                body(0, count);
            }
            return;
        }
        // A few chunks per core balance uneven rows without much hand-out cost.
        var chunks = Math.Min(count, MaxWorkers * 8);
        var chunkSize = (count + chunks - 1) / chunks;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = MaxWorkers }, chunk =>
        {
            var start = chunk * chunkSize;
            if (start < count)
            {
                body(start, Math.Min(count, start + chunkSize));
            }
        });
    }
}
