using System.Text.RegularExpressions;
using Connective.Web.Data;
using Connective.Web.Demo;

namespace Connective.Web.Tests.Demo;

public sealed partial class DemoBoroughTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void About_85_percent_consent_to_network_insight_and_fewer_of_the_oldest()
    {
        var borough = DemoBorough.Generate(5_000, 20_260_101, Now);
        var residents = borough.Residents().ToList();
        var consenting = borough.Consents(residents)
            .Where(consent => consent.Purpose == ConsentPurpose.NetworkInsight && consent.WithdrawnAt is null)
            .Select(consent => consent.ResidentId)
            .ToHashSet();

        var share = (double)consenting.Count / residents.Count;
        var oldest = residents.Where(resident => Now.Year - resident.BirthYear >= 80).ToList();
        var oldestShare = (double)oldest.Count(resident => consenting.Contains(resident.Id)) / oldest.Count;

        Assert.InRange(share, 0.80, 0.90);
        Assert.True(oldestShare < share - 0.05, $"the oldest consent at {oldestShare:P0}, the borough at {share:P0}");
    }

    [Fact]
    public void About_one_adult_in_ten_is_offline_with_no_account_or_email_and_consent_recorded_by_a_coordinator()
    {
        var borough = DemoBorough.Generate(5_000, 20_260_101, Now);
        var residents = borough.Residents().ToList();
        var adults = residents.Where(resident => Now.Year - resident.BirthYear >= 18).ToList();
        var offline = adults.Where(resident => !resident.HasAccount).ToList();
        var offlineIds = offline.Select(resident => resident.Id).ToHashSet();
        var offlineConsents = borough.Consents(residents).Where(consent => offlineIds.Contains(consent.ResidentId)).ToList();

        Assert.InRange((double)offline.Count / adults.Count, 0.07, 0.14);
        Assert.All(offline, resident => Assert.Null(resident.Email));
        Assert.All(offline, resident => Assert.NotNull(resident.Phone));
        Assert.NotEmpty(offlineConsents);
        Assert.All(offlineConsents, consent =>
        {
            Assert.NotEqual(ConsentMethod.Online, consent.Method);
            Assert.NotEqual("self", consent.RecordedBy);
        });
    }

    [Fact]
    public void Wards_have_distinct_names_and_fictional_gss_codes()
    {
        var borough = DemoBorough.Generate(100_000, 1, Now);
        var wards = borough.Wards().ToList();

        Assert.Equal(wards.Count, wards.Select(ward => ward.Name).Distinct().Count());
        Assert.All(wards, ward => Assert.Matches(GssWardCode(), ward.Code));
        // Real ward codes are far below E05900000, so a fictional one can never be mistaken for a real ward.
        Assert.All(wards, ward => Assert.True(string.CompareOrdinal(ward.Code, "E05900000") > 0));
    }

    [Fact]
    public void Same_seed_gives_the_same_people_and_addresses()
    {
        var first = DemoBorough.Generate(2_000, 9, Now);
        var second = DemoBorough.Generate(2_000, 9, Now);

        Assert.Equal(
            first.Residents().Select(resident => (resident.GivenName, resident.FamilyName, resident.BirthYear, resident.Email)),
            second.Residents().Select(resident => (resident.GivenName, resident.FamilyName, resident.BirthYear, resident.Email)));
        Assert.Equal(
            first.Households().Select(household => (household.AddressLine, household.Postcode)),
            second.Households().Select(household => (household.AddressLine, household.Postcode)));
    }

    [Fact]
    public void Households_have_addresses_and_postcodes_of_the_uk_shape()
    {
        var households = DemoBorough.Generate(3_000, 5, Now).Households().ToList();

        Assert.All(households, household => Assert.Matches(AddressLine(), household.AddressLine));
        Assert.All(households, household => Assert.Matches(Postcode(), household.Postcode));
        Assert.True(households.Select(household => household.AddressLine).Distinct().Count() > households.Count * 0.95);
    }

    [GeneratedRegex("^E05[0-9]{6}$")]
    private static partial Regex GssWardCode();

    [GeneratedRegex("^[0-9]+ [A-Z][a-z]+( [A-Z][a-z]+)+$")]
    private static partial Regex AddressLine();

    [GeneratedRegex("^DB[0-9]{1,3} [0-9][A-Z]{2}$")]
    private static partial Regex Postcode();
}
