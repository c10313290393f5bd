using Connective.Budgeting.Numerics;

namespace Connective.Budgeting.Analysis;

/// <summary>One of the conditions a price system must meet (Peters, Pierczyński and Skowron, NeurIPS 2021).</summary>
public enum PriceCondition
{
    /// <summary>The selected projects together cost at most the budget.</summary>
    WithinBudget,

    /// <summary>Payments are non-negative and a voter pays only for projects they voted for (C1).</summary>
    PaysOnlyForSupported,

    /// <summary>No voter pays more than the endowment (C2).</summary>
    WithinEndowment,

    /// <summary>Every selected project is paid in full by its supporters (C3).</summary>
    SelectedPaidInFull,

    /// <summary>Nobody pays for a project that is not selected (C4).</summary>
    UnselectedUnpaid,

    /// <summary>The supporters of a project that is not selected have together at most its cost left (C5): otherwise they could have bought it.</summary>
    NoAffordableUnselected,
}

/// <summary>A condition that a payment vector breaks, naming the voter and/or project concerned.</summary>
/// <param name="Condition">The condition broken.</param>
/// <param name="ProjectId">The project concerned, if any.</param>
/// <param name="VoterId">The voter concerned, if any.</param>
/// <param name="Detail">The amounts involved, in plain words (exact fractions as numerator/denominator).</param>
public sealed record PriceabilityViolation(PriceCondition Condition, string? ProjectId, string? VoterId, string Detail);

/// <summary>The verdict of <see cref="Priceability"/> on one outcome and payment vector.</summary>
/// <param name="IsPriceable">True when every condition holds.</param>
/// <param name="Endowment">The per-voter endowment checked against, as an exact fraction.</param>
/// <param name="ViolationCount">How many violations were found in total.</param>
/// <param name="Violations">The first violations found (at most <see cref="Priceability.ReportedViolations"/>), in condition order.</param>
public sealed record PriceabilityReport(bool IsPriceable, string Endowment, int ViolationCount, IReadOnlyList<PriceabilityViolation> Violations);

/// <summary>What one voter pays for one project.</summary>
internal readonly record struct Payment(int Voter, int Project, Rational Amount);

/// <summary>
/// Checks that a payment vector is a price system for an outcome, using only the election, the outcome, the
/// endowment and the payments: it does not rerun or trust the rule that produced them. An outcome with such a
/// payment vector is priceable, which is the proportionality guarantee the Method of Equal Shares gives.
/// </summary>
public static class Priceability
{
    /// <summary>At most this many violations are listed; <see cref="PriceabilityReport.ViolationCount"/> counts them all.</summary>
    public const int ReportedViolations = 50;

    /// <summary>
    /// Verifies conditions C1–C5 and the budget, exactly. A voter supports a project when it is on their ballot
    /// (with positive points, for points ballots).
    /// </summary>
    internal static PriceabilityReport Check(Election election, IReadOnlyCollection<int> selected, Rational endowment, IEnumerable<Payment> payments)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(payments);
        var violations = new List<PriceabilityViolation>();
        var count = 0;
        void Report(PriceCondition condition, Project? project, Voter? voter, string detail)
        {
            count++;
            if (violations.Count < ReportedViolations)
            {
                violations.Add(new PriceabilityViolation(condition, project?.Id, voter?.Id, detail));
            }
        }

        var projects = election.Projects;
        var isSelected = new bool[projects.Count];
        var totalCost = Rational.Zero;
        foreach (var p in selected)
        {
            isSelected[p] = true;
            totalCost += Rational.FromDecimal(projects[p].Cost);
        }
        var budget = Rational.FromDecimal(election.Budget);
        if (totalCost > budget)
        {
            Report(PriceCondition.WithinBudget, null, null, $"the selected projects cost {totalCost}, more than the budget {budget}");
        }

        var supports = Supports(election);
        var spent = new Rational[election.Voters.Count];
        var collected = new Rational[projects.Count];
        foreach (var payment in payments)
        {
            var voter = election.Voters[payment.Voter];
            var project = projects[payment.Project];
            if (payment.Amount.Sign < 0)
            {
                Report(PriceCondition.PaysOnlyForSupported, project, voter, $"pays a negative amount {payment.Amount}");
            }
            else if (payment.Amount.Sign > 0 && !supports.Contains(Key(payment.Voter, payment.Project, projects.Count)))
            {
                Report(PriceCondition.PaysOnlyForSupported, project, voter, $"pays {payment.Amount} for a project they did not vote for");
            }
            if (payment.Amount.Sign != 0 && !isSelected[payment.Project])
            {
                Report(PriceCondition.UnselectedUnpaid, project, voter, $"pays {payment.Amount} for a project that is not selected");
            }
            spent[payment.Voter] += payment.Amount;
            collected[payment.Project] += payment.Amount;
        }

        for (var i = 0; i < spent.Length; i++)
        {
            if (spent[i] > endowment)
            {
                Report(PriceCondition.WithinEndowment, null, election.Voters[i], $"pays {spent[i]} in total, more than the endowment {endowment}");
            }
        }
        foreach (var project in projects)
        {
            var cost = Rational.FromDecimal(project.Cost);
            if (isSelected[project.Index] && collected[project.Index] != cost)
            {
                Report(PriceCondition.SelectedPaidInFull, project, null, $"is selected and costs {cost}, but its supporters pay {collected[project.Index]}");
            }
        }

        // C5: what the supporters of each unselected project have left must not cover its cost.
        var leftOverBySupporters = new Rational[projects.Count];
        for (var i = 0; i < election.Voters.Count; i++)
        {
            var left = endowment - spent[i];
            if (left.Sign <= 0)
            {
                continue;
            }
            var ballot = election.Voters[i];
            for (var k = 0; k < ballot.ProjectIndices.Count; k++)
            {
                var p = ballot.ProjectIndices[k];
                if (!isSelected[p] && Supported(ballot, k))
                {
                    leftOverBySupporters[p] += left;
                }
            }
        }
        foreach (var project in projects)
        {
            var cost = Rational.FromDecimal(project.Cost);
            if (!isSelected[project.Index] && leftOverBySupporters[project.Index] > cost)
            {
                Report(PriceCondition.NoAffordableUnselected, project, null,
                    $"is not selected though its supporters have {leftOverBySupporters[project.Index]} left, more than its cost {cost}");
            }
        }

        violations.Sort((a, b) => a.Condition.CompareTo(b.Condition));
        return new PriceabilityReport(count == 0, endowment.ToString(), count, violations);
    }

    private static bool Supported(Voter voter, int position) => voter.Points is null || voter.Points[position] > 0;

    private static long Key(int voter, int project, int projectCount) => ((long)voter * projectCount) + project;

    private static HashSet<long> Supports(Election election)
    {
        var supports = new HashSet<long>();
        for (var i = 0; i < election.Voters.Count; i++)
        {
            var ballot = election.Voters[i];
            for (var k = 0; k < ballot.ProjectIndices.Count; k++)
            {
                if (Supported(ballot, k))
                {
                    supports.Add(Key(i, ballot.ProjectIndices[k], election.Projects.Count));
                }
            }
        }
        return supports;
    }
}
