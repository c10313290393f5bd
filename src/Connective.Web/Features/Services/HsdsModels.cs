using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connective.Web.Features.Services;

// HSDS 3.0 documents as the standard spells them (snake_case, UUID ids). Optional fields are null in C# and left out
// of the JSON (HsdsJson.Options), because the standard's schemas type them as strings or numbers, never null.

/// <summary>How HSDS JSON is written and read: absent rather than null, the standard's names.</summary>
public static class HsdsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>The HSDS version the feed follows, as the standard's "/" endpoint reports it.</summary>
    public const string Version = "3.0";

    public const string Profile = "https://openreferraluk.org/";
}

/// <summary>A page of results, with the standard's paging fields.</summary>
public sealed record HsdsPage<T>(
    [property: JsonPropertyName("total_items")] int TotalItems,
    [property: JsonPropertyName("total_pages")] int TotalPages,
    [property: JsonPropertyName("page_number")] int PageNumber,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("first_page")] bool FirstPage,
    [property: JsonPropertyName("last_page")] bool LastPage,
    [property: JsonPropertyName("empty")] bool Empty,
    [property: JsonPropertyName("contents")] IReadOnlyList<T> Contents);

/// <summary>The "/" endpoint: which HSDS version and profile the feed follows.</summary>
public sealed record HsdsApiInfo(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("openapi_url")] string OpenApiUrl);

public sealed record HsdsOrganization(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("alternate_name")] string? AlternateName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("website")] string? Website,
    [property: JsonPropertyName("phones")] IReadOnlyList<HsdsPhone>? Phones = null,
    [property: JsonPropertyName("contacts")] IReadOnlyList<HsdsContact>? Contacts = null);

public sealed record HsdsPhone(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("type")] string? Type = null,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("service_id")] Guid? ServiceId = null,
    [property: JsonPropertyName("organization_id")] Guid? OrganizationId = null,
    [property: JsonPropertyName("contact_id")] Guid? ContactId = null);

public sealed record HsdsContact(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("phones")] IReadOnlyList<HsdsPhone>? Phones = null,
    [property: JsonPropertyName("service_id")] Guid? ServiceId = null,
    [property: JsonPropertyName("organization_id")] Guid? OrganizationId = null);

public sealed record HsdsSchedule(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("service_id")] Guid? ServiceId,
    [property: JsonPropertyName("service_at_location_id")] Guid? ServiceAtLocationId,
    [property: JsonPropertyName("freq")] string? Freq,
    [property: JsonPropertyName("byday")] string? ByDay,
    [property: JsonPropertyName("opens_at")] string? OpensAt,
    [property: JsonPropertyName("closes_at")] string? ClosesAt,
    [property: JsonPropertyName("description")] string? Description);

public sealed record HsdsServiceArea(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("service_id")] Guid ServiceId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("extent")] string Extent,
    [property: JsonPropertyName("extent_type")] string ExtentType);

public sealed record HsdsAddress(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("location_id")] Guid LocationId,
    [property: JsonPropertyName("address_1")] string Address1,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("state_province")] string StateProvince,
    [property: JsonPropertyName("postal_code")] string PostalCode,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("address_type")] string AddressType);

public sealed record HsdsLocation(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("location_type")] string LocationType,
    [property: JsonPropertyName("organization_id")] Guid? OrganizationId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("latitude")] double? Latitude,
    [property: JsonPropertyName("longitude")] double? Longitude,
    [property: JsonPropertyName("addresses")] IReadOnlyList<HsdsAddress>? Addresses = null);

public sealed record HsdsServiceAtLocation(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("service_id")] Guid ServiceId,
    [property: JsonPropertyName("location_id")] Guid LocationId,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("location")] HsdsLocation? Location = null,
    [property: JsonPropertyName("schedules")] IReadOnlyList<HsdsSchedule>? Schedules = null);

public sealed record HsdsTaxonomy(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("uri")] string? Uri,
    [property: JsonPropertyName("version")] string? Version);

public sealed record HsdsTaxonomyTerm(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("parent_id")] Guid? ParentId,
    [property: JsonPropertyName("taxonomy_id")] Guid? TaxonomyId,
    [property: JsonPropertyName("taxonomy_detail")] HsdsTaxonomy? TaxonomyDetail = null);

public sealed record HsdsTermLink(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("link_id")] Guid LinkId,
    [property: JsonPropertyName("taxonomy_term_id")] Guid TaxonomyTermId,
    [property: JsonPropertyName("link_type")] string LinkType,
    [property: JsonPropertyName("link_entity")] string LinkEntity,
    [property: JsonPropertyName("taxonomy_term")] HsdsTaxonomyTerm? TaxonomyTerm = null);

/// <summary>A service: the one-to-one fields (list pages), or fully nested (one service, and the export).</summary>
public sealed record HsdsService(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("organization_id")] Guid? OrganizationId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("alternate_name")] string? AlternateName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("application_process")] string? ApplicationProcess,
    [property: JsonPropertyName("fees_description")] string? FeesDescription,
    [property: JsonPropertyName("eligibility_description")] string? EligibilityDescription,
    [property: JsonPropertyName("minimum_age")] int? MinimumAge,
    [property: JsonPropertyName("maximum_age")] int? MaximumAge,
    [property: JsonPropertyName("last_modified")] DateTime? LastModified,
    [property: JsonPropertyName("organization")] HsdsOrganization? Organization = null,
    [property: JsonPropertyName("phones")] IReadOnlyList<HsdsPhone>? Phones = null,
    [property: JsonPropertyName("schedules")] IReadOnlyList<HsdsSchedule>? Schedules = null,
    [property: JsonPropertyName("service_areas")] IReadOnlyList<HsdsServiceArea>? ServiceAreas = null,
    [property: JsonPropertyName("service_at_locations")] IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations = null,
    [property: JsonPropertyName("contacts")] IReadOnlyList<HsdsContact>? Contacts = null,
    [property: JsonPropertyName("attributes")] IReadOnlyList<HsdsTermLink>? Attributes = null);

/// <summary>
/// A whole directory as one JSON document, for export and import: every organization, taxonomy and term, and every
/// service fully nested. Each item is a valid HSDS 3.0 object of its kind.
/// </summary>
public sealed record HsdsDirectory(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("organizations")] IReadOnlyList<HsdsOrganization> Organizations,
    [property: JsonPropertyName("taxonomies")] IReadOnlyList<HsdsTaxonomy> Taxonomies,
    [property: JsonPropertyName("taxonomy_terms")] IReadOnlyList<HsdsTaxonomyTerm> TaxonomyTerms,
    [property: JsonPropertyName("services")] IReadOnlyList<HsdsService> Services);
