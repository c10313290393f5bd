using System.Security.Claims;
using System.Text;
using Connective.Web.Features.Voice.Budgets;
using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connective.Web.Features.Voice;

public sealed record BallotBody(IReadOnlyList<int>? Choices, string? Receipt = null);

public sealed record BallotResponse(string Receipt, bool Changed, string Message);

public sealed record ProjectResult(int Id, string Title, long CostPence, int Votes, bool Funded, string Outcome, string Reason);

public sealed record ResultsResponse(int ProcessId, string Rule, int Ballots, long BudgetPence, long SpentPence, IReadOnlyList<int> Winners,
    IReadOnlyList<ProjectResult> Projects, IReadOnlyList<string> Summary, string PbFile, string Command);

/// <summary>JSON for Voice under /api/v1/voice: the same actions as the pages.</summary>
internal static class VoiceApi
{
    public static IEndpointRouteBuilder MapVoiceApi(this IEndpointRouteBuilder endpoints)
    {
        var voice = endpoints.MapGroup("/api/v1/voice").WithTags("Voice");
        voice.MapGet("/budgets", GetBudgets).WithName("GetVoiceBudgets").WithSummary("Participatory budgeting processes, newest first, with their projects and phase");
        voice.MapGet("/budgets/{id:int}", GetBudget).WithName("GetVoiceBudget").WithSummary("One process with its projects");
        voice.MapGet("/budgets/{id:int}/results", GetResults).WithName("GetVoiceBudgetResults")
            .WithSummary("The count of a closed process by its declared rule: winners, and why each project won or lost");
        voice.MapGet("/budgets/{id:int}/election.pb", GetPbFile).WithName("GetVoiceBudgetPbFile")
            .WithSummary("The anonymised ballots of a closed process as a Pabulib file, for `connective pb count`");
        voice.MapPost("/budgets/{id:int}/ballot", PostBallot).RequireAuthorization().RequireCaller(WithResidentRecord).WithName("PostVoiceBallot")
            .WithSummary("Cast a ballot, or change it with the receipt of the first one, until voting closes");

        var officer = voice.MapGroup("/budgets").RequireAuthorization(VoicePolicies.BudgetOfficer);
        voice.MapPost("/budgets", PostBudget).RequireAuthorization(VoicePolicies.BudgetOfficer).WithName("PostVoiceBudget").WithSummary("Set up a process (budget officers)");
        officer.MapPost("/{id:int}/projects", PostProject).WithName("PostVoiceBudgetProject").WithSummary("Put a project on a process's ballot before voting opens (budget officers)");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<ProcessView>>> GetBudgets(BudgetProcesses processes, CancellationToken ct) =>
        TypedResults.Ok(await processes.ListAsync(ct));

    public static async Task<Results<Ok<ProcessView>, ProblemHttpResult>> GetBudget(int id, BudgetProcesses processes, CancellationToken ct) =>
        await processes.FindAsync(id, ct) is { } process ? TypedResults.Ok(process) : NotFound(id);

    public static async Task<Results<Ok<ResultsResponse>, ProblemHttpResult>> GetResults(int id, BudgetProcesses processes, BudgetCount count, CancellationToken ct)
    {
        if (await count.CountAsync(id, ct) is not { } counted)
        {
            return NotCounted(id, await processes.FindAsync(id, ct));
        }
        var explanation = counted.Explanation;
        var funded = explanation.Result.Selected.Select(project => project.Id).ToHashSet();
        return TypedResults.Ok(new ResultsResponse(
            id, Connective.Budgeting.Analysis.PlainSummary.RuleTitle(explanation), explanation.VoterCount, counted.Process.BudgetPence,
            (long)(explanation.Result.TotalCost * 100), counted.WinnerIds,
            [.. explanation.Projects.Select(project => new ProjectResult(
                int.Parse(project.Id, System.Globalization.CultureInfo.InvariantCulture), project.Name ?? "", (long)(project.Cost * 100), project.Votes,
                funded.Contains(project.Id), project.Outcome.ToString(), project.Reason))],
            Connective.Budgeting.Analysis.PlainSummary.Paragraphs(explanation), VoiceLinks.PbFile(id), counted.Command));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPbFile(int id, BudgetProcesses processes, BudgetCount count, CancellationToken ct)
    {
        if (await count.CountAsync(id, ct) is not { } counted)
        {
            return NotCounted(id, await processes.FindAsync(id, ct));
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(counted.PbText), "text/plain; charset=utf-8", counted.PbFileName);
    }

    public static async Task<Results<Ok<BallotResponse>, ValidationProblem, ProblemHttpResult>> PostBallot(
        int id, BallotBody body, ClaimsPrincipal user, CurrentPerson identity, SecretBallot ballot, CancellationToken ct)
    {
        if (await identity.ResidentIdAsync(user, ct) is not { } residentId)
        {
            return NoResident();
        }
        try
        {
            var receipt = await ballot.VoteAsync(id, residentId, body.Choices ?? [], body.Receipt, ct);
            return TypedResults.Ok(new BallotResponse(receipt.Receipt, receipt.Changed,
                receipt.Changed ? "Your ballot is changed." : "Your ballot is cast. Keep the receipt: only you have it, and you need it to change your ballot."));
        }
        catch (KeyNotFoundException)
        {
            return NotFound(id);
        }
        catch (VoiceRefusedException refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] });
        }
    }

    public static async Task<Results<Created<ProcessView>, ValidationProblem>> PostBudget(ProcessInput body, BudgetProcesses processes, CancellationToken ct)
    {
        try
        {
            var id = await processes.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/voice/budgets/{id}", await processes.FindAsync(id, ct));
        }
        catch (VoiceRefusedException refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] });
        }
    }

    public static async Task<Results<Created<ProjectView>, ValidationProblem, ProblemHttpResult>> PostProject(
        int id, ProjectInput body, BudgetProcesses processes, CancellationToken ct)
    {
        try
        {
            var projectId = await processes.AddProjectAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/voice/budgets/{id}", (await processes.FindAsync(id, ct))!.Project(projectId));
        }
        catch (KeyNotFoundException)
        {
            return NotFound(id);
        }
        catch (VoiceRefusedException refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] });
        }
    }

    private static async Task<IResult?> WithResidentRecord(HttpContext context) =>
        await context.RequestServices.GetRequiredService<CurrentPerson>().ResidentIdAsync(context.User, context.RequestAborted) is null ? NoResident() : null;

    private static ProblemHttpResult NoResident() =>
        TypedResults.Problem("Your account is not linked to a resident record, so it cannot vote.", statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult NotFound(int id) => TypedResults.Problem($"There is no budgeting process {id}.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult NotCounted(int id, ProcessView? process) => process switch
    {
        null => NotFound(id),
        { Phase: PbPhase.Results } => TypedResults.Problem("No one voted in this process: there is nothing to count and no ballots to publish.", statusCode: StatusCodes.Status409Conflict),
        _ => NotClosed(),
    };

    private static ProblemHttpResult NotClosed() =>
        TypedResults.Problem("Voting has not closed yet: results and ballots are published when it closes.", statusCode: StatusCodes.Status409Conflict);
}
