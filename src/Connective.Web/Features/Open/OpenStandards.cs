using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Open;

/// <summary>
/// The contracts register as an OCDS 1.1 release package (one award release per contract) and grants as a 360Giving
/// package, each streamed a record at a time. Tests validate both against the official schemas.
/// </summary>
internal static class OpenStandards
{
    private const string Iso = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static async Task WriteOcdsAsync(AppDbContext db, OpenOptions options, string packageUri, DateTime now, Stream body, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("uri", packageUri);
        json.WriteString("version", "1.1");
        json.WriteString("publishedDate", now.ToString(Iso, CultureInfo.InvariantCulture));
        json.WriteStartObject("publisher");
        json.WriteString("name", options.Publisher);
        json.WriteEndObject();
        json.WriteString("license", OpenFormats.Licence);
        json.WriteStartArray("releases");
        var buyer = new JsonObject { ["id"] = options.PublisherOrgId, ["name"] = options.Publisher };
        await foreach (var contract in db.PublicContracts.AsNoTracking().Where(contract => contract.ValuePence >= options.ContractThresholdPence)
            .OrderBy(contract => contract.Reference).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Release(options, buyer, contract).WriteTo(json);
            await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static JsonObject Release(OpenOptions options, JsonObject buyer, PublicContract contract)
    {
        var supplierId = "supplier-" + Slug(contract.Supplier);
        var value = new JsonObject { ["amount"] = OpenFormats.Pounds(contract.ValuePence), ["currency"] = "GBP" };
        var period = new JsonObject { ["startDate"] = Instant(contract.StartsOn), ["endDate"] = Instant(contract.EndsOn) };
        var awarded = Instant(contract.AwardedOn);
        return new JsonObject
        {
            ["ocid"] = options.OcidPrefix + "-" + contract.Reference,
            ["id"] = contract.Reference + "-award",
            ["date"] = awarded,
            ["tag"] = new JsonArray("award", "contract"),
            ["initiationType"] = "tender",
            ["language"] = "en",
            ["parties"] = new JsonArray(
                new JsonObject { ["id"] = options.PublisherOrgId, ["name"] = options.Publisher, ["roles"] = new JsonArray("buyer", "procuringEntity") },
                new JsonObject { ["id"] = supplierId, ["name"] = contract.Supplier, ["roles"] = new JsonArray("supplier") }),
            ["buyer"] = buyer.DeepClone(),
            ["tender"] = new JsonObject { ["id"] = contract.Reference + "-tender", ["title"] = contract.Title, ["description"] = contract.Description },
            ["awards"] = new JsonArray(new JsonObject
            {
                ["id"] = contract.Reference + "-award",
                ["title"] = contract.Title,
                ["description"] = contract.Description,
                ["status"] = "active",
                ["date"] = awarded,
                ["value"] = value.DeepClone(),
                ["suppliers"] = new JsonArray(new JsonObject { ["id"] = supplierId, ["name"] = contract.Supplier }),
                ["contractPeriod"] = period.DeepClone(),
            }),
            ["contracts"] = new JsonArray(new JsonObject
            {
                ["id"] = contract.Reference,
                ["awardID"] = contract.Reference + "-award",
                ["title"] = contract.Title,
                ["description"] = contract.Description,
                ["status"] = "active",
                ["value"] = value,
                ["period"] = period,
                ["dateSigned"] = awarded,
            }),
        };
    }

    public static async Task WriteThreeSixtyGivingAsync(AppDbContext db, OpenOptions options, DateTime now, Stream body, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("version", "1.4");
        json.WriteString("title", options.Publisher + " grants to community organisations");
        json.WriteString("modified", now.ToString(Iso, CultureInfo.InvariantCulture));
        json.WriteString("license", OpenFormats.Licence);
        json.WriteStartArray("grants");
        await foreach (var grant in db.CommunityGrants.AsNoTracking().OrderBy(grant => grant.Reference).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            new JsonObject
            {
                ["id"] = options.GrantIdPrefix + "-" + grant.Reference,
                ["title"] = grant.Title,
                ["description"] = grant.Description,
                ["currency"] = "GBP",
                ["amountAwarded"] = OpenFormats.Pounds(grant.AmountPence),
                ["awardDate"] = grant.AwardedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["recipientOrganization"] = new JsonArray(Recipient(options, grant)),
                ["fundingOrganization"] = new JsonArray(new JsonObject { ["id"] = options.PublisherOrgId, ["name"] = options.Publisher }),
                ["grantProgramme"] = new JsonArray(new JsonObject { ["code"] = Slug(grant.Programme), ["title"] = grant.Programme }),
            }.WriteTo(json);
            await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static JsonObject Recipient(OpenOptions options, CommunityGrant grant)
    {
        // A charity is named by its Charity Commission number (org-id.guide's GB-CHC); others by an id in the council's own scheme.
        var recipient = new JsonObject
        {
            ["id"] = grant.RecipientCharityNumber is { } number ? "GB-CHC-" + number : options.GrantIdPrefix + "-org-" + Slug(grant.RecipientName),
            ["name"] = grant.RecipientName,
        };
        if (grant.RecipientCharityNumber is { } charity)
        {
            recipient["charityNumber"] = charity;
        }
        return recipient;
    }

    private static string Instant(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString(Iso, CultureInfo.InvariantCulture);

    private static string Slug(string text)
    {
        var slug = new System.Text.StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                slug.Append(character);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }
}
