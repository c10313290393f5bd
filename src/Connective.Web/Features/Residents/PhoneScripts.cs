using Connective.Web.Data;

namespace Connective.Web.Features.Residents;

/// <summary>One version of the words a coordinator reads out before recording consent on the phone.</summary>
public sealed record PhoneScript(string Version, DateOnly InUseFrom, string Text);

/// <summary>
/// The scripts read out on the phone, kept in the app as versioned text so every phone consent can say which words
/// the person heard. A script is never edited once in use: a change is a new version, and old ones stay here.
/// </summary>
public static class PhoneScripts
{
    public static readonly IReadOnlyList<PhoneScript> All =
    [
        new("phone-consent-1", new DateOnly(2026, 11, 1),
            "I am calling from Connective, the council's community help service. I would like to ask what you agree we may do " +
            "with your information. You can say yes or no to each, and change your mind at any time by phoning us or by letter. " +
            "Saying no does not stop you getting help. I will read out each choice, then write to you at home to confirm what you chose."),
    ];

    /// <summary>The script coordinators read today: the newest version.</summary>
    public static PhoneScript Current => All[^1];

    public static PhoneScript? Find(string? version) => All.FirstOrDefault(script => script.Version == version);

    /// <summary>The question read out for each purpose, in plain words, as the person hears it.</summary>
    public static string Question(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.NetworkInsight => "May we use who you know (family, neighbours, friends) to understand how people in the area are connected?",
        ConsentPurpose.ShowToHelpersNearby => "When you ask for help, may we show your request to helpers who live nearby?",
        ConsentPurpose.ContactByPhone => "May our coordinators phone you?",
        ConsentPurpose.ResearchExports => "May your records, without your name, be included in research?",
        ConsentPurpose.CoordinatorMayActForMe => "When you phone us, may a coordinator act for you: ask for help, or download or delete your information?",
        ConsentPurpose.FindHelpThroughMyNetwork => "May we use who you know to find you help, or people to help, through people you know?",
        _ => purpose.ToString(),
    };
}
