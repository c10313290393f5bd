using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>
/// The answers of the voting journey between its pages (choose → check your answers → confirm), kept in TempData: an
/// encrypted cookie, so choices never appear in an address (and so in no server log) and nothing is stored before the
/// voter confirms.
/// </summary>
public sealed record VoteJourney(int ProcessId, IReadOnlyList<int> Choices, string? Receipt)
{
    private const string Key = "VoiceVoteJourney";
    private const string ReceiptKey = "VoiceVoteReceipt";

    public static VoteJourney? Peek(ITempDataDictionary tempData, int processId)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        if (tempData.Peek(Key) is not string text)
        {
            return null;
        }
        var parts = text.Split('|');
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id != processId)
        {
            return null;
        }
        var choices = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var choice) ? choice : 0).ToList();
        return new VoteJourney(id, choices, parts[2].Length == 0 ? null : parts[2]);
    }

    public void Keep(ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Key] = string.Create(CultureInfo.InvariantCulture, $"{ProcessId}|{string.Join(',', Choices)}|{Receipt?.Replace("|", "", StringComparison.Ordinal)}");
    }

    public static void Finish(ITempDataDictionary tempData, BallotReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        ArgumentNullException.ThrowIfNull(receipt);
        tempData.Remove(Key);
        tempData[ReceiptKey] = (receipt.Changed ? "changed|" : "cast|") + receipt.Receipt;
    }

    /// <summary>The receipt of the ballot just cast or changed, once (read on the confirmation page).</summary>
    public static BallotReceipt? TakeReceipt(ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        return tempData[ReceiptKey] is string text && text.Split('|') is [var kind, var receipt] ? new BallotReceipt(receipt, kind == "changed") : null;
    }
}
