using System.Collections.Frozen;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>A search of the directory: words, a need (taxonomy term, its narrower terms included) and a ward.</summary>
public sealed record DirectorySearchQuery(string? Words, Guid? NeedId = null, int? WardId = null, bool ActiveOnly = true);

public sealed record DirectorySearchHit(Guid ServiceId, double Score);

/// <summary>What the index reads of a service.</summary>
public sealed record IndexedService(Guid Id, string Name, string Description, int? WardId, string Status, string? Organization, IReadOnlyList<Guid> Needs);

/// <summary>What the index reads of a taxonomy term (a need).</summary>
public sealed record IndexedTerm(Guid Id, string Name, Guid? ParentId);

/// <summary>
/// Resident search over the whole directory, in memory: an index of the words of every service (name, organization,
/// needs, description) built once and rebuilt when the directory changes, so a search costs no database work beyond
/// one fingerprint read. Typo-tolerant: each word of the query is matched to the index's words sharing a trigram with
/// it, within an edit distance that grows with the word's length, or as a prefix; matches score by inverse document
/// frequency, the field they were found in and how close they were. A ward filter keeps services of that ward and the
/// borough-wide ones, ranking the ward's first.
/// </summary>
public sealed class DirectorySearch(IServiceScopeFactory scopes) : IDisposable
{
    private DirectoryIndex? _index;
    private readonly SemaphoreSlim _building = new(1, 1);

    public void Dispose() => _building.Dispose();

    /// <summary>Drops the index; the next search rebuilds it (called in the request that changed the directory).</summary>
    public void Invalidate() => Volatile.Write(ref _index, null);

    public async Task<IReadOnlyList<DirectorySearchHit>> SearchAsync(DirectorySearchQuery query, int limit, CancellationToken ct)
    {
        var index = await IndexAsync(ct);
        return index.Search(query, limit);
    }

    /// <summary>
    /// The index, rebuilt when the directory's fingerprint (count and last change) differs from the one it was built from,
    /// so a change made through another web instance is seen too.
    /// </summary>
    public async Task<DirectoryIndex> IndexAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var fingerprint = await FingerprintAsync(db, ct);
        if (Volatile.Read(ref _index) is { } current && current.Fingerprint == fingerprint)
        {
            return current;
        }
        await _building.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _index) is { } built && built.Fingerprint == fingerprint)
            {
                return built;
            }
            var index = await DirectoryIndex.BuildAsync(db, fingerprint, ct);
            Volatile.Write(ref _index, index);
            return index;
        }
        finally
        {
            _building.Release();
        }
    }

    private static async Task<string> FingerprintAsync(AppDbContext db, CancellationToken ct)
    {
        var count = await db.DirectoryServices.CountAsync(ct);
        var last = count == 0 ? default : await db.DirectoryServices.MaxAsync(s => s.LastModified, ct);
        var terms = await db.DirectoryServiceTerms.CountAsync(ct);
        return $"{count}/{terms}/{last.Ticks}";
    }
}

/// <summary>An immutable search index over the directory; see <see cref="DirectorySearch"/>.</summary>
public sealed class DirectoryIndex
{
    private const double NameWeight = 3, NeedWeight = 2.5, OrganizationWeight = 1.5, DescriptionWeight = 1;
    private const double SameWardBoost = 1.25;

    private readonly Entry[] _entries;
    private readonly FrozenDictionary<string, Posting[]> _postings;
    private readonly FrozenDictionary<string, string[]> _wordsByTrigram;
    private readonly FrozenDictionary<Guid, Guid[]> _narrowerTerms;
    private readonly FrozenDictionary<int, string[]> _shortWordsByLength;

    /// <summary>Words up to this long are also compared with every index word of a similar length: a swap or a
    /// changed letter in a short word ("bnak", "fod") leaves it no trigram in common with the word meant.</summary>
    private const int ShortWord = 5;

    public string Fingerprint { get; }

    public int Count => _entries.Length;

    private sealed record Entry(Guid Id, string Name, int? WardId, bool Active, FrozenSet<Guid> Needs);

    private readonly record struct Posting(int Entry, double Weight);

    private DirectoryIndex(string fingerprint, Entry[] entries, Dictionary<string, List<Posting>> postings, Dictionary<Guid, List<Guid>> children)
    {
        Fingerprint = fingerprint;
        _entries = entries;
        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _wordsByTrigram = postings.Keys.SelectMany(word => Trigrams(word).Select(gram => (gram, word)))
            .GroupBy(x => x.gram, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.word).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _narrowerTerms = children.ToFrozenDictionary(c => c.Key, c => c.Value.ToArray());
        _shortWordsByLength = postings.Keys.Where(word => word.Length <= ShortWord + 1).GroupBy(word => word.Length)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    public static async Task<DirectoryIndex> BuildAsync(AppDbContext db, string fingerprint, CancellationToken ct)
    {
        var links = (await db.DirectoryServiceTerms.AsNoTracking().Select(l => new { l.ServiceId, l.TaxonomyTermId }).ToListAsync(ct))
            .ToLookup(l => l.ServiceId, l => l.TaxonomyTermId);
        var services = (await db.DirectoryServices.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Description, s.WardId, s.Status, Organization = db.DirectoryOrganizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct))
            .Select(s => new IndexedService(s.Id, s.Name, s.Description, s.WardId, s.Status, s.Organization, [.. links[s.Id]])).ToList();
        var terms = await db.DirectoryTaxonomyTerms.AsNoTracking().Select(t => new IndexedTerm(t.Id, t.Name, t.ParentId)).ToListAsync(ct);
        return Build(fingerprint, services, terms);
    }

    /// <summary>Builds the index from rows already in memory (the database's, or a benchmark's).</summary>
    public static DirectoryIndex Build(string fingerprint, IReadOnlyList<IndexedService> services, IReadOnlyList<IndexedTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(terms);
        var termNames = terms.ToDictionary(t => t.Id, t => t.Name);
        var entries = new Entry[services.Count];
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        for (var i = 0; i < services.Count; i++)
        {
            var s = services[i];
            var needs = s.Needs.ToFrozenSet();
            entries[i] = new Entry(s.Id, s.Name, s.WardId, s.Status == DirectoryServiceStatus.Active, needs);
            // Each word counts once per service, at the weight of the best field it appears in.
            var best = new Dictionary<string, double>(StringComparer.Ordinal);
            void AddWords(string? text, double weight)
            {
                foreach (var word in Words(text))
                {
                    best[word] = Math.Max(best.GetValueOrDefault(word), weight);
                }
            }
            AddWords(s.Name, NameWeight);
            AddWords(s.Organization, OrganizationWeight);
            AddWords(s.Description, DescriptionWeight);
            foreach (var need in needs)
            {
                AddWords(termNames.GetValueOrDefault(need), NeedWeight);
            }
            foreach (var (word, weight) in best)
            {
                if (!postings.TryGetValue(word, out var list))
                {
                    postings[word] = list = [];
                }
                list.Add(new Posting(i, weight));
            }
        }
        var children = terms.Where(t => t.ParentId is not null).GroupBy(t => t.ParentId!.Value).ToDictionary(g => g.Key, g => g.Select(t => t.Id).ToList());
        return new DirectoryIndex(fingerprint, entries, postings, children);
    }

    public IReadOnlyList<DirectorySearchHit> Search(DirectorySearchQuery query, int limit)
    {
        var needs = query.NeedId is { } need ? WithNarrower(need) : null;
        bool Allowed(Entry e) =>
            (!query.ActiveOnly || e.Active)
            && (needs is null || e.Needs.Overlaps(needs))
            && (query.WardId is not { } ward || e.WardId is null || e.WardId == ward);
        double WardBoost(Entry e) => query.WardId is { } ward && e.WardId == ward ? SameWardBoost : 1;

        var words = Words(query.Words).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return [.. _entries.Where(Allowed).OrderByDescending(WardBoost).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Id)
                .Take(limit).Select(e => new DirectorySearchHit(e.Id, WardBoost(e)))];
        }
        var scores = new Dictionary<int, double>();
        var matchedWords = new Dictionary<int, int>();
        foreach (var word in words)
        {
            // Per query word, each service scores for its best-matching index word only.
            var best = new Dictionary<int, double>();
            foreach (var (candidate, closeness) in Candidates(word))
            {
                var postings = _postings[candidate];
                var idf = Math.Log(1 + (_entries.Length - postings.Length + 0.5) / (postings.Length + 0.5));
                foreach (var posting in postings)
                {
                    var score = idf * posting.Weight * closeness;
                    if (score > best.GetValueOrDefault(posting.Entry))
                    {
                        best[posting.Entry] = score;
                    }
                }
            }
            foreach (var (entry, score) in best)
            {
                scores[entry] = scores.GetValueOrDefault(entry) + score;
                matchedWords[entry] = matchedWords.GetValueOrDefault(entry) + 1;
            }
        }
        return [.. scores.Where(s => Allowed(_entries[s.Key]))
            // Services matching every word come first: a search is an AND, softened rather than dropped.
            .Select(s => (Entry: _entries[s.Key], Score: s.Value * WardBoost(_entries[s.Key]) * (matchedWords[s.Key] == words.Count ? 2 : 1)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Entry.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Entry.Id)
            .Take(limit).Select(s => new DirectorySearchHit(s.Entry.Id, Math.Round(s.Score, 4)))];
    }

    private HashSet<Guid> WithNarrower(Guid need)
    {
        var all = new HashSet<Guid> { need };
        var queue = new Queue<Guid>([need]);
        while (queue.TryDequeue(out var term))
        {
            foreach (var child in _narrowerTerms.GetValueOrDefault(term) ?? [])
            {
                if (all.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }
        return all;
    }

    /// <summary>Index words close to the query word, each with how close (1 = the same word).</summary>
    private IEnumerable<(string Word, double Closeness)> Candidates(string word)
    {
        if (_postings.ContainsKey(word))
        {
            yield return (word, 1);
        }
        var allowed = word.Length <= 2 ? 0 : word.Length <= 6 ? 1 : 2;
        var seen = new HashSet<string>(StringComparer.Ordinal) { word };
        var nearby = Trigrams(word).SelectMany(gram => _wordsByTrigram.GetValueOrDefault(gram) ?? []);
        if (word.Length <= ShortWord)
        {
            nearby = nearby.Concat(Enumerable.Range(word.Length - allowed, 2 * allowed + 1).SelectMany(length => _shortWordsByLength.GetValueOrDefault(length) ?? []));
        }
        foreach (var candidate in nearby)
        {
            if (!seen.Add(candidate))
            {
                continue;
            }
            if (word.Length >= 3 && candidate.StartsWith(word, StringComparison.Ordinal))
            {
                yield return (candidate, 0.8); // "counsel" finds "counselling"
            }
            else if (allowed > 0 && Math.Abs(candidate.Length - word.Length) <= allowed && EditDistance(word, candidate, allowed) is var distance && distance <= allowed)
            {
                yield return (candidate, distance == 1 ? 0.7 : 0.45);
            }
        }
    }

    /// <summary>Lower-case words of letters and digits; "and", "the" and other very common words are dropped.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = text[start..i].ToLowerInvariant();
                start = -1;
                if (word.Length > 1 && !StopWords.Contains(word))
                {
                    yield return word;
                }
            }
        }
    }

    private static readonly FrozenSet<string> StopWords = new[] { "and", "the", "for", "of", "to", "in", "a", "an", "on", "with", "at", "by", "or", "we", "our", "you", "your" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static IEnumerable<string> Trigrams(string word)
    {
        var padded = "^" + word + "$";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early past <paramref name="limit"/>.</summary>
    public static int EditDistance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit)
            {
                return limit + 1;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
