namespace Connective.Web.Features.Circle;

/// <summary>
/// The task types every database starts with. An organisation may change them (they are rows), but these defaults follow
/// the law in England: shopping or handling money for someone who cannot do it because of age, illness or disability is
/// regulated activity and needs an Enhanced check with the Adults' Barred List; keeping someone company at a group meetup
/// in a public place needs no check.
/// </summary>
public static class CircleTaskTypes
{
    public const int Shopping = 1;
    public const int Lift = 2;
    public const int SmallJobs = 3;
    public const int DigitalHelp = 4;
    public const int Befriending = 5;
    public const int Gardening = 6;
    public const int MeetupCompany = 7;
    public const int HandlingMoney = 8;

    public static IReadOnlyList<CircleTaskType> Defaults { get; } =
    [
        new() { Id = Shopping, Code = "shopping", Name = "Shopping", Description = "Buying and bringing home shopping for someone who cannot do it themselves.",
            RequiredCheck = CheckLevel.EnhancedWithAdultsBarredList, RequiredTraining = HelperTraining.Safeguarding | HelperTraining.MoneyHandling,
            NeedsCheckIn = true, HandlesMoney = true, ExpectedMinutes = 90 },
        new() { Id = Lift, Code = "lift", Name = "A lift", Description = "A lift to an appointment (GP, hospital, pharmacy) and back.",
            RequiredCheck = CheckLevel.EnhancedWithAdultsBarredList, RequiredTraining = HelperTraining.Safeguarding,
            NeedsCheckIn = true, ExpectedMinutes = 120 },
        new() { Id = SmallJobs, Code = "small-jobs", Name = "Small jobs at home", Description = "A light bulb, a smoke alarm battery, a stiff lock: small jobs in someone's home.",
            RequiredCheck = CheckLevel.Enhanced, RequiredTraining = HelperTraining.Safeguarding | HelperTraining.LoneWorking,
            FirstVisitInPairs = true, NeedsCheckIn = true, ExpectedMinutes = 60 },
        new() { Id = DigitalHelp, Code = "digital-help", Name = "Digital help", Description = "Help with a phone, tablet, e-mail or an online form.",
            RequiredCheck = CheckLevel.Basic, RequiredTraining = HelperTraining.LoneWorking, NeedsCheckIn = true, ExpectedMinutes = 60 },
        new() { Id = Befriending, Code = "befriending", Name = "Befriending visit", Description = "A regular visit for a cup of tea and a chat.",
            RequiredCheck = CheckLevel.Enhanced, RequiredTraining = HelperTraining.Safeguarding | HelperTraining.LoneWorking,
            FirstVisitInPairs = true, NeedsCheckIn = true, ExpectedMinutes = 60 },
        new() { Id = Gardening, Code = "gardening", Name = "Gardening", Description = "Mowing, weeding and tidying a garden the owner can no longer manage.",
            RequiredCheck = CheckLevel.Basic, RequiredTraining = HelperTraining.LoneWorking, NeedsCheckIn = true, ExpectedMinutes = 120 },
        new() { Id = MeetupCompany, Code = "meetup-company", Name = "Company at a group meetup", Description = "Going along with someone to a group meetup in a public place.",
            RequiredCheck = CheckLevel.None, ExpectedMinutes = 120 },
        new() { Id = HandlingMoney, Code = "handling-money", Name = "Paying bills or handling money", Description = "Paying a bill or collecting cash for someone who cannot do it themselves.",
            RequiredCheck = CheckLevel.EnhancedWithAdultsBarredList, RequiredTraining = HelperTraining.Safeguarding | HelperTraining.MoneyHandling,
            NeedsCheckIn = true, HandlesMoney = true, ExpectedMinutes = 60 },
    ];
}
