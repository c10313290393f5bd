using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>What a vote did: the receipt to keep (to change the ballot until voting closes) and whether it replaced one.</summary>
public sealed record BallotReceipt(string Receipt, bool Changed);

/// <summary>
/// The secret ballot. Who voted (<see cref="PbParticipation"/>) and what was chosen (<see cref="PbBallot"/>) are written in
/// one transaction, under a lock on the process row, but nothing links them: the ballot has a random id, the day only and
/// the hash of a receipt only the voter holds. Every write also shuffles the contents of a few random ballot rows of the
/// process (the new or changed ballot among them), so the row a transaction wrote, its position and its write order do not
/// say whose ballot it holds. The unique index on participation makes one counted ballot per voter, however many
/// requests race.
/// </summary>
public sealed class SecretBallot(AppDbContext db, TimeProvider time)
{
    /// <summary>How many other ballots each write mixes its own with.</summary>
    internal const int MixWith = 3;

    /// <summary>Whether the resident has voted in the process.</summary>
    public Task<bool> HasVotedAsync(int processId, int residentId, CancellationToken cancellationToken) =>
        db.PbParticipations.AnyAsync(participation => participation.ProcessId == processId && participation.ResidentId == residentId, cancellationToken);

    /// <summary>Whether the resident may vote in the process (its ward, if it has one); the reason when not.</summary>
    public async Task<string?> IneligibleBecauseAsync(ProcessView process, int residentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.WardId is not { } wardId)
        {
            return null;
        }
        var residentWard = await db.Residents.Where(resident => resident.Id == residentId).Select(resident => (int?)resident.WardId).SingleOrDefaultAsync(cancellationToken);
        return residentWard == wardId ? null : $"Only residents of {process.WardName} can vote in this budget.";
    }

    /// <summary>The refusal for a set of choices under the process's ballot format, or null when it is a valid ballot.</summary>
    public static VoiceRefusedException? Check(ProcessView process, IReadOnlyCollection<int> choices)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0)
        {
            return new VoiceRefusedException("Choices", "Choose at least one project");
        }
        if (choices.Distinct().Count() != choices.Count || choices.Any(id => process.Project(id) is null))
        {
            return new VoiceRefusedException("Choices", "Choose projects from this ballot only");
        }
        if (process.Format == BallotFormat.ApprovalWithMaximum && choices.Count > process.MaxChoices)
        {
            return new VoiceRefusedException("Choices", $"Choose no more than {process.MaxChoices} projects");
        }
        var total = choices.Sum(id => process.Project(id)!.CostPence);
        if (process.Format == BallotFormat.Knapsack && total > process.BudgetPence)
        {
            return new VoiceRefusedException("Choices",
                $"Your projects cost {BudgetProcesses.Pounds(total)}, more than the budget of {BudgetProcesses.Pounds(process.BudgetPence)}: remove some");
        }
        return null;
    }

    /// <summary>Casts a first ballot, or changes one when <paramref name="receipt"/> is the receipt of the voter's ballot.</summary>
    /// <exception cref="VoiceRefusedException">Voting is not open, the voter is not eligible, the choices are not a valid ballot,
    /// the voter has voted already (and gave no receipt), or the receipt is not theirs.</exception>
    public async Task<BallotReceipt> VoteAsync(int processId, int residentId, IReadOnlyCollection<int> choices, string? receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var process = await new BudgetProcesses(db, time).FindAsync(processId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no budgeting process {processId.ToString(CultureInfo.InvariantCulture)}.");
        if (process.Phase != PbPhase.Voting)
        {
            throw new VoiceRefusedException("Choices", "Voting is not open for this budget");
        }
        if (await IneligibleBecauseAsync(process, residentId, cancellationToken) is { } because)
        {
            throw new VoiceRefusedException("Choices", because);
        }
        if (Check(process, choices) is { } refusal)
        {
            throw refusal;
        }
        var content = new Content(string.Join(',', choices.Order().Select(id => id.ToString(CultureInfo.InvariantCulture))), "", DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

        await using var transaction = await CallerOrOwnTransaction.BeginAsync(db, cancellationToken);
        // The lock on the process row orders every write to its ballots: a reader of contents to shuffle sees the latest.
        await db.PbProcesses.Where(row => row.Id == processId).ExecuteUpdateAsync(set => set.SetProperty(row => row.BudgetPence, row => row.BudgetPence), cancellationToken);
        var voted = await HasVotedAsync(processId, residentId, cancellationToken);
        BallotReceipt result;
        if (!voted)
        {
            if (!string.IsNullOrWhiteSpace(receipt))
            {
                throw new VoiceRefusedException("Receipt", "You have not voted in this budget yet: leave the receipt empty");
            }
            db.PbParticipations.Add(new PbParticipation { ProcessId = processId, ResidentId = residentId });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.IsDuplicateOf<PbParticipation>(db, nameof(PbParticipation.ProcessId), nameof(PbParticipation.ResidentId)))
            {
                throw new VoiceRefusedException("Receipt", "You have voted already: to change your ballot, enter your receipt");
            }
            var newReceipt = NewReceipt();
            var ballot = new PbBallot { Id = RandomId(), ProcessId = processId, Choices = content.Choices, ReceiptHash = Hash(newReceipt), CastOn = content.CastOn };
            db.PbBallots.Add(ballot);
            await MixAsync(ballot, content with { ReceiptHash = ballot.ReceiptHash }, cancellationToken);
            result = new BallotReceipt(newReceipt, Changed: false);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(receipt))
            {
                throw new VoiceRefusedException("Receipt", "You have voted already: to change your ballot, enter your receipt");
            }
            var hash = Hash(receipt.Trim());
            var ballot = await db.PbBallots.SingleOrDefaultAsync(row => row.ProcessId == processId && row.ReceiptHash == hash, cancellationToken)
                ?? throw new VoiceRefusedException("Receipt", "That receipt does not match a ballot in this budget: check it and try again");
            await MixAsync(ballot, content with { ReceiptHash = hash }, cancellationToken);
            result = new BallotReceipt(receipt.Trim(), Changed: true);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private sealed record Content(string Choices, string ReceiptHash, DateOnly CastOn);

    /// <summary>
    /// Puts <paramref name="content"/> and the contents of up to <see cref="MixWith"/> other ballots of the process, chosen
    /// at random, back into those rows in a random order (a uniform shuffle), so the rows this transaction touches hold the
    /// voter's ballot at a random one of them.
    /// </summary>
    private async Task MixAsync(PbBallot own, Content content, CancellationToken cancellationToken)
    {
        var pivot = RandomId();
        var others = await db.PbBallots.Where(row => row.ProcessId == own.ProcessId && row.Id != own.Id && row.Id >= pivot).OrderBy(row => row.Id).Take(MixWith).ToListAsync(cancellationToken);
        if (others.Count < MixWith)
        {
            var taken = others.Select(row => row.Id).ToList();
            others.AddRange(await db.PbBallots.Where(row => row.ProcessId == own.ProcessId && row.Id != own.Id && !taken.Contains(row.Id))
                .OrderBy(row => row.Id).Take(MixWith - others.Count).ToListAsync(cancellationToken));
        }
        List<PbBallot> rows = [own, .. others];
        List<Content> contents = [content, .. others.Select(row => new Content(row.Choices, row.ReceiptHash, row.CastOn))];
        RandomNumberGenerator.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(contents));
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Choices = contents[i].Choices;
            rows[i].ReceiptHash = contents[i].ReceiptHash;
            rows[i].CastOn = contents[i].CastOn;
        }
        // A receipt hash is unique per process and the shuffle moves hashes between rows, so every row first gets a
        // placeholder: the batch that writes the final hashes then never meets a hash still held by another row.
        var final = rows.Select(row => row.ReceiptHash).ToList();
        foreach (var row in rows)
        {
            row.ReceiptHash = "~" + RandomId().ToString("x", CultureInfo.InvariantCulture);
        }
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].ReceiptHash = final[i];
        }
    }

    /// <summary>A receipt: 20 random bytes in unambiguous base-32 (32 characters, grouped in fours for reading aloud).</summary>
    internal static string NewReceipt()
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        Span<char> text = stackalloc char[32];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i += 4)
        {
            builder.Append(i == 0 ? "" : "-").Append(text.Slice(i, 4));
        }
        return builder.ToString();
    }

    /// <summary>The stored form of a receipt: SHA-256 of its letters and digits, uppercase, hyphens and spaces dropped.</summary>
    internal static string Hash(string receipt)
    {
        var normal = new string([.. receipt.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)));
    }

    private static long RandomId()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return (long)(BitConverter.ToUInt64(bytes) >> 1) | 1;
    }
}
