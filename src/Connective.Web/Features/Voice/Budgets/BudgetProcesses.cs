using System.Globalization;
using System.Text.Json.Serialization;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>Where a process is in its life, from its dates and the clock.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PbPhase>))]
public enum PbPhase
{
    NotOpenYet,
    IdeasAndReview,
    Voting,
    Results,
}

/// <summary>A process as the pages and the API show it.</summary>
public sealed record ProcessView(
    int Id, string Title, string Summary, int? WardId, string? WardName, long BudgetPence, BallotFormat Format, int? MaxChoices,
    CountingRule Rule, DateTime IdeasOpenAt, DateTime VotingOpensAt, DateTime VotingClosesAt, PbPhase Phase,
    IReadOnlyList<ProjectView> Projects)
{
    public ProjectView? Project(int id) => Projects.FirstOrDefault(project => project.Id == id);
}

public sealed record ProjectView(int Id, string Title, string Description, long CostPence);

/// <summary>What a budget officer types to set up a process (money in whole pounds).</summary>
public sealed record ProcessInput(
    string? Title, string? Summary, int? WardId, long? BudgetPounds, BallotFormat Format, int? MaxChoices, CountingRule Rule,
    DateTime? IdeasOpenAt, DateTime? VotingOpensAt, DateTime? VotingClosesAt);

/// <summary>What a budget officer types to put a project on the ballot (cost in whole pounds).</summary>
public sealed record ProjectInput(string? Title, string? Description, long? CostPounds);

/// <summary>A request the rules refuse, with the field it concerns and a message for the person.</summary>
public sealed class VoiceRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Budget officers set up processes and their projects; everyone reads them.</summary>
public sealed class BudgetProcesses(AppDbContext db, TimeProvider time)
{
    public static PbPhase PhaseAt(DateTime now, DateTime ideasOpenAt, DateTime votingOpensAt, DateTime votingClosesAt) =>
        now < ideasOpenAt ? PbPhase.NotOpenYet : now < votingOpensAt ? PbPhase.IdeasAndReview : now < votingClosesAt ? PbPhase.Voting : PbPhase.Results;

    public async Task<IReadOnlyList<ProcessView>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = await db.PbProcesses.AsNoTracking().OrderByDescending(process => process.VotingClosesAt).Select(process => process.Id).ToListAsync(cancellationToken);
        return await LoadAsync(ids, cancellationToken);
    }

    public async Task<ProcessView?> FindAsync(int id, CancellationToken cancellationToken) =>
        (await LoadAsync([id], cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<ProcessView>> LoadAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var processes = await db.PbProcesses.AsNoTracking().Where(process => ids.Contains(process.Id))
            .Select(process => new
            {
                Process = process,
                WardName = db.Wards.Where(ward => ward.Id == process.WardId).Select(ward => ward.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var projects = (await db.PbProjects.AsNoTracking().Where(project => ids.Contains(project.ProcessId)).OrderBy(project => project.Id)
            .ToListAsync(cancellationToken)).ToLookup(project => project.ProcessId);
        return [.. processes.OrderBy(row => ids.ToList().IndexOf(row.Process.Id)).Select(row => new ProcessView(
            row.Process.Id, row.Process.Title, row.Process.Summary, row.Process.WardId, row.WardName, row.Process.BudgetPence, row.Process.Format,
            row.Process.MaxChoices, row.Process.Rule, row.Process.IdeasOpenAt, row.Process.VotingOpensAt, row.Process.VotingClosesAt,
            PhaseAt(now, row.Process.IdeasOpenAt, row.Process.VotingOpensAt, row.Process.VotingClosesAt),
            [.. projects[row.Process.Id].Select(project => new ProjectView(project.Id, project.Title, project.Description, project.CostPence))]))];
    }

    public async Task<int> CreateAsync(ProcessInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var title = Required(input.Title, "Title", "Enter a title", 200);
        var summary = Required(input.Summary, "Summary", "Enter what the money is for", 2000);
        if (input.BudgetPounds is not > 0 || input.BudgetPounds > 1_000_000_000)
        {
            throw new VoiceRefusedException("BudgetPounds", "Enter a budget in whole pounds, more than £0 and at most £1,000,000,000");
        }
        if (input.Format == BallotFormat.ApprovalWithMaximum && input.MaxChoices is not (>= 1 and <= 100))
        {
            throw new VoiceRefusedException("MaxChoices", "Enter the most projects a voter may choose, from 1 to 100");
        }
        if (input.IdeasOpenAt is not { } ideas || input.VotingOpensAt is not { } opens || input.VotingClosesAt is not { } closes)
        {
            throw new VoiceRefusedException("VotingOpensAt", "Enter the dates ideas open, voting opens and voting closes");
        }
        if (!(ideas <= opens && opens < closes))
        {
            throw new VoiceRefusedException("VotingClosesAt", "Voting must open after ideas open and close after it opens");
        }
        if (input.WardId is { } wardId && !await db.Wards.AnyAsync(ward => ward.Id == wardId, cancellationToken))
        {
            throw new VoiceRefusedException("WardId", "Choose a ward from the list, or the whole borough");
        }
        var process = new PbProcess
        {
            Title = title,
            Summary = summary,
            WardId = input.WardId,
            BudgetPence = input.BudgetPounds.Value * 100,
            Format = input.Format,
            MaxChoices = input.Format == BallotFormat.ApprovalWithMaximum ? input.MaxChoices : null,
            Rule = input.Rule,
            IdeasOpenAt = Utc(ideas),
            VotingOpensAt = Utc(opens),
            VotingClosesAt = Utc(closes),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.PbProcesses.Add(process);
        await db.SaveChangesAsync(cancellationToken);
        return process.Id;
    }

    /// <summary>Adds a project; the ballot is fixed once voting opens, so a project can be added only before.</summary>
    public async Task<int> AddProjectAsync(int processId, ProjectInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var process = await db.PbProcesses.AsNoTracking().SingleOrDefaultAsync(process => process.Id == processId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no budgeting process {processId.ToString(CultureInfo.InvariantCulture)}.");
        if (time.GetUtcNow().UtcDateTime >= process.VotingOpensAt)
        {
            throw new VoiceRefusedException("Title", "Voting has opened: the ballot cannot change now");
        }
        var title = Required(input.Title, "Title", "Enter the project's name", 200);
        var description = Required(input.Description, "Description", "Enter what the project would do", 2000);
        if (input.CostPounds is not > 0 || input.CostPounds * 100 > process.BudgetPence)
        {
            throw new VoiceRefusedException("CostPounds", "Enter a cost in whole pounds, more than £0 and no more than the budget");
        }
        var project = new PbProject { ProcessId = processId, Title = title, Description = description, CostPence = input.CostPounds.Value * 100 };
        db.PbProjects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return project.Id;
    }

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc);

    private static string Required(string? value, string field, string message, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new VoiceRefusedException(field, message);
        }
        return text.Length > max ? throw new VoiceRefusedException(field, $"{message} in {max.ToString(CultureInfo.InvariantCulture)} characters or fewer") : text;
    }

    /// <summary>Money as the pages show it: £ with thousands separators, pence only when there are some.</summary>
    public static string Pounds(long pence) =>
        pence % 100 == 0
            ? "£" + (pence / 100).ToString("N0", CultureInfo.InvariantCulture)
            : "£" + (pence / 100m).ToString("N2", CultureInfo.InvariantCulture);
}
