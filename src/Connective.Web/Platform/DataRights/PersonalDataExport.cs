using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform.DataRights;

/// <summary>
/// Everything held about a person, as a zip with each section twice: JSON (for machines) and CSV (for a spreadsheet).
/// Ties are read here directly, not through the consented network, because a person is owed every tie held about
/// them whatever they consented to; the other person in a tie is not named or numbered (that is their data).
/// </summary>
public sealed class PersonalDataExport(AppDbContext db, ConsentRecords consents, WhoLooked whoLooked)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>One section of the download: a name and its rows, each row the same fields in the same order.</summary>
    public sealed record Section(string Name, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);

    public async Task<IReadOnlyList<Section>> SectionsAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var sections = new List<Section>();
        var account = person.AccountId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(user => user.Id == person.AccountId, cancellationToken);
        if (account is not null)
        {
            var roles = await db.UserRoles.Where(link => link.UserId == account.Id)
                .Join(db.Roles, link => link.RoleId, role => role.Id, (link, role) => role.Name).ToListAsync(cancellationToken);
            sections.Add(new("account", [Row(
                ("AccountId", account.Id), ("Email", account.Email), ("EmailConfirmed", account.EmailConfirmed),
                ("Roles", string.Join(" ", roles.Order(StringComparer.Ordinal))), ("TwoFactorEnabled", account.TwoFactorEnabled),
                ("LockoutEnd", account.LockoutEnd?.UtcDateTime), ("FailedSignInCount", account.AccessFailedCount))]));
        }

        var email = account?.Email;
        if (person.ResidentId is { } id && await db.Residents.AsNoTracking().SingleOrDefaultAsync(resident => resident.Id == id, cancellationToken) is { } resident)
        {
            email ??= resident.Email;
            sections.Add(new("resident", [Row(
                ("ResidentId", resident.Id), ("GivenName", resident.GivenName), ("FamilyName", resident.FamilyName),
                ("BirthYear", resident.BirthYear), ("Email", resident.Email), ("Phone", resident.Phone), ("HasAccount", resident.HasAccount),
                ("Latitude", resident.Latitude), ("Longitude", resident.Longitude))]));
            var household = await db.Households.AsNoTracking().Where(household => household.Id == resident.HouseholdId)
                .Join(db.Wards, household => household.WardId, ward => ward.Id, (household, ward) => new { household, ward.Code, ward.Name })
                .SingleAsync(cancellationToken);
            sections.Add(new("household", [Row(
                ("HouseholdId", household.household.Id), ("AddressLine", household.household.AddressLine), ("Postcode", household.household.Postcode),
                ("WardCode", household.Code), ("WardName", household.Name),
                ("PeopleOnRecordThere", await db.Residents.CountAsync(other => other.HouseholdId == resident.HouseholdId, cancellationToken)))]));
            sections.Add(new("consents", [.. (await consents.HistoryAsync(id, cancellationToken)).Select(consent => Row(
                ("Purpose", consent.Purpose.ToString()), ("GivenAt", consent.GivenAt), ("Method", consent.Method.ToString()),
                ("RecordedBy", consent.RecordedBy), ("ScriptVersion", consent.ScriptVersion), ("WithdrawnAt", consent.WithdrawnAt), ("WithdrawnBy", consent.WithdrawnBy)))]));
            sections.Add(new("ties", [.. (await db.Ties.AsNoTracking()
                .Where(tie => tie.PersonAId == id || tie.PersonBId == id)
                .OrderBy(tie => tie.Id)
                .Select(tie => new { tie.Kind, tie.Source, tie.Weight, tie.CreatedAt })
                .ToListAsync(cancellationToken))
                .Select(tie => Row(("Kind", tie.Kind.ToString()), ("Source", tie.Source.ToString()), ("Weight", tie.Weight), ("CreatedAt", tie.CreatedAt)))]));
            sections.Add(new("circles", [.. (await db.CircleMembers.AsNoTracking().Where(member => member.ResidentId == id)
                .Join(db.Circles, member => member.CircleId, circle => circle.Id, (member, circle) => new { circle.Name, member.IsCoordinator, member.JoinedAt })
                .ToListAsync(cancellationToken))
                .Select(member => Row(("Circle", member.Name), ("IsCoordinator", member.IsCoordinator), ("JoinedAt", member.JoinedAt)))]));
            sections.Add(new("who-looked", [.. (await whoLooked.ForAsync(id, person.AccountId, cancellationToken))
                .Select(access => Row(("Role", access.Role), ("At", access.At), ("What", access.What), ("Basis", access.Basis)))]));
        }

        sections.Add(new("messages", [.. (await db.OutboxMessages.AsNoTracking()
            .Where(message => (person.ResidentId != null && message.RecipientResidentId == person.ResidentId) || (email != null && message.To == email))
            .OrderBy(message => message.Id)
            .ToListAsync(cancellationToken))
            .Select(message => Row(("Kind", message.Kind.ToString()), ("To", message.To), ("Subject", message.Subject), ("Body", message.Body),
                ("Link", message.Link), ("CreatedAt", message.CreatedAt)))]));
        return sections;
    }

    /// <summary>The zip: README.txt, then name.json and name.csv for every section.</summary>
    public async Task<byte[]> ZipAsync(DataSubject person, CancellationToken cancellationToken)
    {
        var sections = await SectionsAsync(person, cancellationToken);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAsync(zip, "README.txt", "Everything Connective holds about you. Each part is here twice: as JSON, and as CSV for a spreadsheet.\n" +
                "Who looked: staff are shown by role; some accesses for a safeguarding enquiry or under a legal exemption show the role only.\n" +
                "Ties: your connections with other people; the other person is not named, as that is their information.\n" +
                "Parts: " + string.Join(", ", sections.Select(section => section.Name)) + "\n", cancellationToken);
            foreach (var section in sections)
            {
                await WriteAsync(zip, section.Name + ".json", JsonSerializer.Serialize(section.Rows, Json), cancellationToken);
                await WriteAsync(zip, section.Name + ".csv", Csv(section.Rows), cancellationToken);
            }
        }
        return buffer.ToArray();
    }

    private static Dictionary<string, object?> Row(params (string Name, object? Value)[] fields)
    {
        var row = new Dictionary<string, object?>(fields.Length);
        foreach (var (name, value) in fields)
        {
            row.Add(name, value);
        }
        return row;
    }

    private static async Task WriteAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        await using var stream = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    /// <summary>RFC 4180 CSV: a header row, then one line a row; fields with commas, quotes or newlines are quoted.</summary>
    public static string Csv(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return "";
        }
        var text = new StringBuilder();
        text.AppendJoin(',', rows[0].Keys.Select(Infrastructure.CsvText.Field)).Append("\r\n");
        foreach (var row in rows)
        {
            // Text a person typed (a name, a note) is guarded against spreadsheet formulas; values formatted here are not.
            text.AppendJoin(',', row.Values.Select(value => value switch
            {
                null => "",
                DateTime at => Infrastructure.CsvText.Quoted(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                bool flag => flag ? "true" : "false",
                IFormattable number => Infrastructure.CsvText.Quoted(number.ToString(null, CultureInfo.InvariantCulture)),
                _ => Infrastructure.CsvText.Field(value.ToString() ?? ""),
            })).Append("\r\n");
        }
        return text.ToString();
    }
}
