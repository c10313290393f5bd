using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Connective.Budgeting.Pabulib;

/// <summary>
/// Reads Pabulib <c>.pb</c> files (META, PROJECTS and VOTES sections, ';'-separated, quoted fields as in CSV),
/// one line at a time. Accepts a UTF-8 byte-order mark and Windows line endings; keeps every column.
/// Throws <see cref="PbFormatException"/> naming file, line, column and field for anything it cannot accept.
/// </summary>
public static class PbReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">Path of a <c>.pb</c> file.</param>
    public static Election Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"{path}: is a directory, not a Pabulib .pb file.");
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads a <c>.pb</c> file from a stream (UTF-8, with or without a byte-order mark).</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="source">The name used in error messages.</param>
    public static Election Read(Stream stream, string source)
    {
        // Invalid bytes still decode (to a marker, so reading goes on to the line that holds them), but are counted, and
        // the parser refuses the first line where one appears instead of passing a replacement on silently.
        var invalidBytes = new CountingDecoderFallback();
        var encoding = (Encoding)new UTF8Encoding(false).Clone();
        encoding.DecoderFallback = invalidBytes;
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        ArgumentException.ThrowIfNullOrEmpty(source);
        // The byte-order mark check switches the reader to UTF-16 or UTF-32 on their marks; a Pabulib file is UTF-8, so
        // say what the file is rather than read it in another encoding and fail on whatever that produces.
        reader.Peek();
        if (reader.CurrentEncoding is not UTF8Encoding)
        {
            throw new PbFormatException(source, 1, 1, "(encoding)", $"the file is {reader.CurrentEncoding.WebName.ToUpperInvariant()} (it starts with that encoding's byte-order mark); Pabulib files are UTF-8: convert it and read it again");
        }
        return new Parser(reader, source, invalidBytes).Parse();
    }

    /// <summary>Reads a <c>.pb</c> file from text.</summary>
    /// <param name="reader">The file's text.</param>
    /// <param name="source">The name used in error messages.</param>
    public static Election Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new Parser(reader, source, null).Parse();
    }

    /// <summary>
    /// Replaces each invalid UTF-8 sequence by <see cref="Marker"/> and counts them. The marker is U+FFFD followed by
    /// the noncharacter U+FDD0: a U+FFFD written in valid UTF-8 is ordinary text, and the decoder runs a whole buffer
    /// ahead of the parser, so only a mark that valid text does not carry tells which line held the invalid bytes.
    /// </summary>
    private sealed class CountingDecoderFallback : DecoderFallback
    {
        public const string Marker = "\uFFFD\uFDD0";

        public int InvalidSequences { get; private set; }

        public override int MaxCharCount => Marker.Length;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
        {
            /// <summary>Index of the next marker character to hand out; <see cref="Marker"/>.Length when none is pending.</summary>
            private int _next = Marker.Length;

            public override int Remaining => Marker.Length - _next;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.InvalidSequences++;
                _next = 0;
                return true;
            }

            public override char GetNextChar() => _next < Marker.Length ? Marker[_next++] : '\0';

            public override bool MovePrevious()
            {
                if (_next == 0)
                {
                    return false;
                }
                _next--;
                return true;
            }

            public override void Reset() => _next = Marker.Length;
        }
    }

    private sealed class Parser(TextReader reader, string source, CountingDecoderFallback? invalidBytes)
    {
        private readonly PbFields _fields = new();
        private int _nextLine = 1;
        private int _line;

        private readonly List<KeyValuePair<string, string>> _meta = [];
        private readonly Dictionary<string, (int Line, int Column)> _metaPlace = new(StringComparer.Ordinal);
        private readonly List<PbWarning> _warnings = [];

        /// <summary>The current section's column names (for naming the field of an invalid byte), or null before a header.</summary>
        private string[]? _columns;

        public Election Parse()
        {
            if (!NextRecord() || SectionName() != "META")
            {
                throw Error(Math.Max(_line, 1), 1, "META", "the file must start with a META section");
            }
            ExpectHeader("META", ["key", "value"]);
            string? section;
            while ((section = ReadSectionRows(ReadMetaRow)) is null)
            {
            }
            if (section != "PROJECTS")
            {
                throw Error(_line, 1, "PROJECTS", $"expected the PROJECTS section after META, found {Describe(section)}");
            }

            var budget = ParseMetaDecimal("budget");
            var voteType = ParseVoteType();
            var declaredProjects = ParseMetaCount("num_projects");
            var declaredVotes = ParseMetaCount("num_votes");
            CheckMetaTheRulesRead();

            var (projectColumns, projectIndex) = ReadHeader("PROJECTS", ["project_id", "cost"]);
            var projectColumnLookup = new ReadOnlyDictionary<string, int>(projectIndex);
            var projects = new List<Project>();
            var projectById = new Dictionary<string, int>(StringComparer.Ordinal);
            int idColumn = projectIndex["project_id"], costColumn = projectIndex["cost"];
            var selectedColumn = projectIndex.TryGetValue("selected", out var sc) ? sc : -1;
            var votesColumn = projectIndex.TryGetValue("votes", out var vc) ? vc : -1;
            var votesPlace = new List<(int Line, int Column)>();
            while ((section = ReadSectionRows(() => ReadProjectRow())) is null)
            {
            }
            if (section != "VOTES")
            {
                throw Error(_line, 1, "VOTES", $"expected the VOTES section after PROJECTS, found {Describe(section)}");
            }
            CheckCount("num_projects", declaredProjects, projects.Count, "projects");

            var votesSectionLine = _line;
            var (voteColumns, voteIndex) = ReadHeader("VOTES", ["voter_id", "vote"]);
            var pointsColumn = voteIndex.TryGetValue("points", out var pc) ? pc : -1;
            if (pointsColumn < 0 && voteType is VoteType.Cumulative or VoteType.Scoring)
            {
                throw Error(_line, 1, "points", $"a {FormatVoteType(voteType)} file needs a points column in VOTES");
            }
            var voters = new List<Voter>();
            var repeats = new Repeats();
            var emptyBallots = 0;
            var firstEmptyBallot = (Line: 0, Column: 0);
            var voterIds = new HashSet<string>(StringComparer.Ordinal);
            int voterIdColumn = voteIndex["voter_id"], voteColumn = voteIndex["vote"];
            while ((section = ReadSectionRows(() => ReadVoterRow())) is null)
            {
            }
            if (section != "")
            {
                throw Error(_line, 1, section, "unexpected section after VOTES");
            }
            CheckCount("num_votes", declaredVotes, voters.Count, "votes");
            if (voters.Count == 0)
            {
                throw Error(votesSectionLine, 1, "VOTES", "the election has no ballots (0 voters): no rule can share a budget among nobody");
            }
            if (repeats.Ballots > 0)
            {
                Warn(repeats.First.Line, repeats.First.Column, "vote", string.Create(CultureInfo.InvariantCulture,
                    $"{repeats.Ballots} ballot(s) name a project more than once (first: '{repeats.First.Project}' here); each counts once, as in pabutools"));
            }
            if (emptyBallots > 0)
            {
                Warn(firstEmptyBallot.Line, firstEmptyBallot.Column, "vote", string.Create(CultureInfo.InvariantCulture,
                    $"{emptyBallots} ballot(s) are empty (the first here); they count as voters, so they receive a share of the budget under Equal Shares that nobody can spend"));
            }
            if (votesColumn >= 0)
            {
                CheckVotesColumn(projects, voters, votesColumn, votesPlace);
            }

            return new Election(source, _meta.AsReadOnly(), budget, voteType, projectColumns, [.. projects], voteColumns, [.. voters], _warnings.AsReadOnly());

            void ReadProjectRow()
            {
                var values = RowValues(projectColumns);
                var id = values[idColumn].Trim();
                if (id.Length == 0)
                {
                    throw Error(_line, _fields.ColumnOf(idColumn), "project_id", "the project id is empty");
                }
                if (!projectById.TryAdd(id, projects.Count))
                {
                    throw Error(_line, _fields.ColumnOf(idColumn), "project_id", $"project id '{id}' appears twice");
                }
                var cost = ParseDecimal(values[costColumn], costColumn, "cost");
                if (cost < 0)
                {
                    throw Error(_line, _fields.ColumnOf(costColumn), "cost", $"the cost {values[costColumn]} is negative");
                }
                if (selectedColumn >= 0)
                {
                    var selected = values[selectedColumn].Trim();
                    var code = 0;
                    if (selected.Length > 0 && !int.TryParse(selected, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out code))
                    {
                        throw Error(_line, _fields.ColumnOf(selectedColumn), "selected", $"'{selected}' is not a whole number ({SelectedCodes})");
                    }
                    // Any other code would be read as "not funded" by verify: a silent wrong answer, so refuse it.
                    if (code is < 0 or > 3)
                    {
                        throw Error(_line, _fields.ColumnOf(selectedColumn), "selected", $"{selected} is not 0, 1, 2 or 3 ({SelectedCodes})");
                    }
                }
                votesPlace.Add(votesColumn >= 0 ? (_line, _fields.ColumnOf(votesColumn)) : default);
                projects.Add(new Project(projects.Count, id, cost, values, projectColumnLookup));
            }

            void ReadVoterRow()
            {
                var values = RowValues(voteColumns);
                var id = values[voterIdColumn].Trim();
                if (id.Length == 0)
                {
                    throw Error(_line, _fields.ColumnOf(voterIdColumn), "voter_id", "the voter id is empty");
                }
                if (!voterIds.Add(id))
                {
                    throw Error(_line, _fields.ColumnOf(voterIdColumn), "voter_id", $"voter id '{id}' appears twice");
                }
                var chosen = ParseVote(values[voteColumn], voteColumn, projectById, voteType is VoteType.Approval or VoteType.ChooseOne, repeats);
                if (chosen.Length == 0 && emptyBallots++ == 0)
                {
                    firstEmptyBallot = (_line, _fields.ColumnOf(voteColumn));
                }
                if (voteType == VoteType.ChooseOne && chosen.Length > 1)
                {
                    throw Error(_line, _fields.ColumnOf(voteColumn), "vote", $"a choose-1 ballot names {chosen.Length} projects");
                }
                decimal[]? points = null;
                if (pointsColumn >= 0)
                {
                    points = ParsePoints(values[pointsColumn], pointsColumn, chosen.Length);
                }
                voters.Add(new Voter(id, chosen, points, values));
            }
        }

        private const string SelectedCodes = "1 = funded by the official rule, 0 = not funded, 2 and 3 = funded by a reserve or extra money";

        private void ReadMetaRow()
        {
            if (_fields.Count != 2)
            {
                throw Error(_line, _fields.Count > 2 ? _fields.ColumnOf(2) : 1, _fields[0].Trim(), $"a META row has a key and a value (found {_fields.Count} fields; quote values that contain ';')");
            }
            var key = _fields[0].Trim();
            if (_metaPlace.ContainsKey(key))
            {
                throw Error(_line, 1, key, $"the META key '{key}' appears twice");
            }
            _metaPlace[key] = (_line, _fields.ColumnOf(1));
            _meta.Add(new(key, _fields[1]));
        }

        /// <summary>Reads rows until the next section header or the end; returns that header ("" at the end), or null to continue.</summary>
        private string? ReadSectionRows(Action readRow)
        {
            if (!NextRecord())
            {
                return "";
            }
            var name = SectionName();
            if (name is not null)
            {
                return name;
            }
            readRow();
            return null;
        }

        private string[] RowValues(string[] header)
        {
            if (_fields.Count != header.Length)
            {
                var column = _fields.Count > header.Length ? _fields.ColumnOf(header.Length) : _fields.ColumnOf(_fields.Count - 1);
                var field = _fields.Count > header.Length ? "(extra field)" : header[_fields.Count];
                throw Error(_line, column, field, $"expected {header.Length} fields as in the header, found {_fields.Count}");
            }
            var values = new string[header.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = _fields[i];
            }
            return values;
        }

        private int[] ParseVote(string text, int column, Dictionary<string, int> projectById, bool approvalLike, Repeats repeats)
        {
            if (text.Trim().Length == 0)
            {
                return [];
            }
            var items = text.Split(',');
            var result = new int[items.Length];
            var count = 0;
            var offset = 0;
            for (var i = 0; i < items.Length; i++)
            {
                var id = items[i].Trim();
                var itemColumn = ItemColumn(column, offset);
                if (id.Length == 0)
                {
                    throw Error(_line, itemColumn, "vote", $"item {i + 1} of the vote is empty (a stray ',' in '{text.Trim()}')");
                }
                if (!projectById.TryGetValue(id, out var index))
                {
                    throw Error(_line, itemColumn, "vote", $"the vote names project '{id}', which is not in PROJECTS");
                }
                var repeated = false;
                for (var j = 0; j < count; j++)
                {
                    repeated |= result[j] == index;
                }
                if (repeated && !approvalLike)
                {
                    throw Error(_line, itemColumn, "vote", $"the vote names project '{id}' twice");
                }
                if (!repeated)
                {
                    result[count++] = index;
                }
                else if (repeats.PendingOnThisBallot++ == 0 && repeats.Ballots++ == 0)
                {
                    repeats.First = (_line, itemColumn, id);
                }
                offset += items[i].Length + 1;
            }
            // An approval ballot is a set: a project named twice (a few Warsaw 2026 ballots) counts once, as in pabutools.
            repeats.PendingOnThisBallot = 0;
            return count == result.Length ? result : result[..count];
        }

        private decimal[] ParsePoints(string text, int column, int expected)
        {
            var items = text.Trim().Length == 0 ? [] : text.Split(',');
            if (items.Length != expected)
            {
                throw Error(_line, _fields.ColumnOf(column), "points", $"{items.Length} points for {expected} voted projects");
            }
            var result = new decimal[items.Length];
            var offset = 0;
            for (var i = 0; i < items.Length; i++)
            {
                if (!TryParseNumber(items[i], out result[i]))
                {
                    throw Error(_line, ItemColumn(column, offset), "points", NotANumber(items[i].Trim()));
                }
                if (result[i] < 0)
                {
                    throw Error(_line, ItemColumn(column, offset), "points", $"the points {items[i].Trim()} are negative");
                }
                offset += items[i].Length + 1;
            }
            return result;
        }

        private int ItemColumn(int column, int offset) => _fields.ColumnOf(column) + (_fields.WasQuoted(column) ? 1 : 0) + offset;

        private decimal ParseDecimal(string text, int column, string field)
        {
            if (!TryParseNumber(text, out var value))
            {
                throw Error(_line, _fields.ColumnOf(column), field, NotANumber(text));
            }
            return value;
        }

        /// <summary>Why a number did not parse: out of range (a well-formed number too large for decimal) or not a number at all.</summary>
        private static string NotANumber(string text)
        {
            var trimmed = text.Trim();
            // decimal holds 28-29 significant digits; a well-formed number beyond that parses as a double.
            return double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var approximate)
                && !double.IsNaN(approximate) && trimmed.Any(char.IsAsciiDigit)
                ? $"the number '{trimmed}' is too large (at most 79,228,162,514,264,337,593,543,950,335, 29 digits)"
                : trimmed.Contains(',', StringComparison.Ordinal) && trimmed.Any(char.IsAsciiDigit)
                    // pabutools reads ',' as a decimal point, so '1,000' would be 1 there: ask for an unambiguous number.
                    ? $"'{text}' is not a number (write a decimal point as '.', without thousands separators: '1,5' and '1,000' are ambiguous)"
                    : $"'{text}' is not a number";
        }


        private static bool TryParseNumber(string text, out decimal value) =>
            decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);

        private decimal ParseMetaDecimal(string key)
        {
            var (text, line, column) = RequireMeta(key);
            if (!TryParseNumber(text, out var value))
            {
                throw Error(line, column, key, NotANumber(text));
            }
            if (value < 0)
            {
                throw Error(line, column, key, $"the {key} {text} is negative");
            }
            return value;
        }

        private int ParseMetaCount(string key)
        {
            var (text, line, column) = RequireMeta(key);
            return ParseCount(key, text, line, column);
        }

        private int ParseCount(string key, string text, int line, int column)
        {
            var trimmed = text.Trim();
            if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(line, column, key, trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit)
                    ? $"the number '{trimmed}' is too large (at most 2,147,483,647)"
                    : $"'{text}' is not a whole number");
            }
            return value;
        }

        /// <summary>
        /// The optional META values the rules read: a value they could not parse would be ignored (greedy-threshold
        /// with a threshold of 0, ordinal scores from the longest ballot), a silent change of the outcome.
        /// </summary>
        private void CheckMetaTheRulesRead()
        {
            if (_metaPlace.ContainsKey("max_length"))
            {
                var (text, line, column) = RequireMeta("max_length");
                ParseCount("max_length", text, line, column);
            }
            if (_metaPlace.ContainsKey("min_project_score_threshold"))
            {
                ParseMetaDecimal("min_project_score_threshold");
            }
        }

        private VoteType ParseVoteType()
        {
            var (text, line, column) = RequireMeta("vote_type");
            return text.Trim() switch
            {
                "approval" => VoteType.Approval,
                "choose-1" => VoteType.ChooseOne,
                "cumulative" => VoteType.Cumulative,
                "scoring" => VoteType.Scoring,
                "ordinal" => VoteType.Ordinal,
                _ => throw Error(line, column, "vote_type", $"unknown vote type '{text}' (expected approval, choose-1, cumulative, scoring or ordinal)"),
            };
        }

        private static string Describe(string section) => section.Length == 0 ? "the end of the file" : $"the {section} section";

        internal static string FormatVoteType(VoteType type) => PbWriter.VoteTypeName(type);

        private (string Text, int Line, int Column) RequireMeta(string key)
        {
            if (!_metaPlace.TryGetValue(key, out var place))
            {
                var projectsLine = _line;
                throw Error(projectsLine, 1, key, $"the META section has no '{key}'");
            }
            foreach (var pair in _meta)
            {
                if (pair.Key == key)
                {
                    return (pair.Value, place.Line, place.Column);
                }
            }
            throw new InvalidOperationException("META place without value");
        }

        private void Warn(int line, int column, string field, string problem) => _warnings.Add(new PbWarning(source, line, column, field, problem));

        /// <summary>Warns, at the project's row, where the <c>votes</c> column differs from the number of ballots that name the project.</summary>
        private void CheckVotesColumn(List<Project> projects, List<Voter> voters, int votesColumn, List<(int Line, int Column)> places)
        {
            var counted = new int[projects.Count];
            foreach (var voter in voters)
            {
                foreach (var j in voter.ProjectIndices)
                {
                    counted[j]++;
                }
            }
            foreach (var project in projects)
            {
                var text = project.Values[votesColumn].Trim();
                var (line, column) = places[project.Index];
                if (text.Length == 0)
                {
                    continue;
                }
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
                {
                    Warn(line, column, "votes", $"'{text}' is not a whole number; the ballots name project '{project.Id}' {counted[project.Index]} time(s)");
                }
                else if (declared != counted[project.Index])
                {
                    Warn(line, column, "votes", string.Create(CultureInfo.InvariantCulture,
                        $"the votes column says {declared} but {counted[project.Index]} ballot(s) name project '{project.Id}'; the rules count the ballots"));
                }
            }
        }

        /// <summary>Ballots that name a project twice: how many, and the first such item.</summary>
        private sealed class Repeats
        {
            public int Ballots { get; set; }

            public int PendingOnThisBallot { get; set; }

            public (int Line, int Column, string Project) First { get; set; }
        }

        private void CheckCount(string key, int declared, int found, string what)
        {
            if (declared != found)
            {
                var place = _metaPlace[key];
                throw Error(place.Line, place.Column, key, $"META says {declared} {what} but the file has {found}");
            }
        }

        private void ExpectHeader(string section, string[] expected)
        {
            var (columns, _) = ReadHeader(section, expected);
            if (columns.Length != expected.Length)
            {
                throw Error(_line, _fields.ColumnOf(expected.Length), section, $"the {section} header must be '{string.Join(';', expected)}'");
            }
        }

        private (string[] Columns, Dictionary<string, int> Index) ReadHeader(string section, string[] required)
        {
            var sectionLine = _line;
            if (!NextRecord() || SectionName() is not null)
            {
                throw Error(sectionLine + 1, 1, section, $"the {section} section has no header line");
            }
            var columns = new string[_fields.Count];
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = _fields[i].Trim();
                if (!index.TryAdd(columns[i], i))
                {
                    throw Error(_line, _fields.ColumnOf(i), columns[i], $"the {section} header names column '{columns[i]}' twice");
                }
            }
            _columns = columns;
            for (var i = 0; i < required.Length; i++)
            {
                if (!index.TryGetValue(required[i], out var at) || at != i)
                {
                    throw Error(_line, i < _fields.Count ? _fields.ColumnOf(i) : 1, required[i], $"the {section} header must start with {string.Join(';', required)}");
                }
            }
            return (columns, index);
        }

        /// <summary>The section this record opens (META, PROJECTS or VOTES), or null for an ordinary row.</summary>
        private string? SectionName()
        {
            // A section header is one field; a spreadsheet's export may pad it with empty fields ("VOTES;;;").
            for (var i = 1; i < _fields.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(_fields[i]))
                {
                    return null;
                }
            }
            var name = _fields[0].Trim();
            // Section names in any case, as Pabulib's and pabutools' readers accept them.
            var known = name.ToUpperInvariant();
            if (known is "META" or "PROJECTS" or "VOTES")
            {
                return known;
            }
            // A lone upper-case word where rows are expected is a section header Pabulib does not define (no table's
            // header has fewer than two columns, so it cannot be a row).
            if (_fields.Count == 1 && name.Length >= 2 && name.All(c => char.IsAsciiLetterUpper(c) || c == '_'))
            {
                throw Error(_line, _fields.ColumnOf(0), name, $"unknown section '{name}' (a Pabulib file has META, PROJECTS and VOTES, in that order)");
            }
            return null;
        }

        /// <summary>Advances to the next non-blank record (joining lines of a multi-line quoted field); false at the end.</summary>
        private bool NextRecord()
        {
            while (true)
            {
                var text = reader.ReadLine();
                if (text is null)
                {
                    return false;
                }
                _line = _nextLine++;
                if (text.Length == 0 || string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }
                while (!_fields.Split(text))
                {
                    var more = reader.ReadLine();
                    if (more is null)
                    {
                        throw Error(_line, 1, "(quoted field)", "a quoted field is not closed before the end of the file");
                    }
                    _nextLine++;
                    text = text + "\n" + more;
                }
                if (invalidBytes is { InvalidSequences: > 0 } && text.Contains(CountingDecoderFallback.Marker, StringComparison.Ordinal))
                {
                    RefuseInvalidBytes(text);
                }
                return true;
            }
        }

        /// <summary>Names the line, column and field of the first byte sequence in the current record that is not UTF-8.</summary>
        private void RefuseInvalidBytes(string record)
        {
            // Located in the record as read (a quoted field may span lines), so the line and column are those of the bytes.
            var at = record.IndexOf(CountingDecoderFallback.Marker, StringComparison.Ordinal);
            var before = record.AsSpan(0, at);
            var lineStart = before.LastIndexOf('\n') + 1;
            var i = 0;
            while (i + 1 < _fields.Count && _fields.ColumnOf(i + 1) - 1 <= at)
            {
                i++;
            }
            var field = _columns switch
            {
                ["key", "value"] when i == 1 => _fields[0].Trim(),
                { } columns when i < columns.Length => columns[i],
                _ => "(text)",
            };
            throw Error(_line + before.Count('\n'), at - lineStart + 1, field,
                "bytes that are not valid UTF-8 (Pabulib files are UTF-8; convert the file, for example from Windows-1250, and read it again)");
        }

        private PbFormatException Error(int line, int column, string field, string problem) => new(source, line, column, field, problem);
    }
}
