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
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads a <c>.pb</c> file from a stream (UTF-8, with or without a byte-order mark).</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="source">The name used in error messages.</param>
    public static Election Read(Stream stream, string source)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Read(reader, source);
    }

    /// <summary>Reads a <c>.pb</c> file from text.</summary>
    /// <param name="reader">The file's text.</param>
    /// <param name="source">The name used in error messages.</param>
    public static Election Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new Parser(reader, source).Parse();
    }

    private sealed class Parser(TextReader reader, string source)
    {
        private readonly PbFields _fields = new();
        private int _nextLine = 1;
        private int _line;

        private readonly List<KeyValuePair<string, string>> _meta = [];
        private readonly Dictionary<string, (int Line, int Column)> _metaPlace = new(StringComparer.Ordinal);

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

            var (projectColumns, projectIndex) = ReadHeader("PROJECTS", ["project_id", "cost"]);
            var projectColumnLookup = new ReadOnlyDictionary<string, int>(projectIndex);
            var projects = new List<Project>();
            var projectById = new Dictionary<string, int>(StringComparer.Ordinal);
            int idColumn = projectIndex["project_id"], costColumn = projectIndex["cost"];
            while ((section = ReadSectionRows(() => ReadProjectRow())) is null)
            {
            }
            if (section != "VOTES")
            {
                throw Error(_line, 1, "VOTES", $"expected the VOTES section after PROJECTS, found {Describe(section)}");
            }
            CheckCount("num_projects", declaredProjects, projects.Count, "projects");

            var (voteColumns, voteIndex) = ReadHeader("VOTES", ["voter_id", "vote"]);
            var pointsColumn = voteIndex.TryGetValue("points", out var pc) ? pc : -1;
            if (pointsColumn < 0 && voteType is VoteType.Cumulative or VoteType.Scoring)
            {
                throw Error(_line, 1, "points", $"a {FormatVoteType(voteType)} file needs a points column in VOTES");
            }
            var voters = new List<Voter>();
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

            return new Election(source, _meta.AsReadOnly(), budget, voteType, projectColumns, [.. projects], voteColumns, [.. voters]);

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
                var chosen = ParseVote(values[voteColumn], voteColumn, projectById, voteType is VoteType.Approval or VoteType.ChooseOne);
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

        private int[] ParseVote(string text, int column, Dictionary<string, int> projectById, bool approvalLike)
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
                offset += items[i].Length + 1;
            }
            // An approval ballot is a set: a project named twice (a few Warsaw 2026 ballots) counts once, as in pabutools.
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
                    throw Error(_line, ItemColumn(column, offset), "points", $"'{items[i].Trim()}' is not a number");
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
                throw Error(_line, _fields.ColumnOf(column), field, $"'{text}' is not a number");
            }
            return value;
        }

        private static bool TryParseNumber(string text, out decimal value) =>
            decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);

        private decimal ParseMetaDecimal(string key)
        {
            var (text, line, column) = RequireMeta(key);
            if (!TryParseNumber(text, out var value))
            {
                throw Error(line, column, key, $"'{text}' is not a number");
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
            if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(line, column, key, $"'{text}' is not a whole number");
            }
            return value;
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
            if (_fields.Count != 1)
            {
                return null;
            }
            var name = _fields[0].Trim();
            return name is "META" or "PROJECTS" or "VOTES" ? name : null;
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
                return true;
            }
        }

        private PbFormatException Error(int line, int column, string field, string problem) => new(source, line, column, field, problem);
    }
}
