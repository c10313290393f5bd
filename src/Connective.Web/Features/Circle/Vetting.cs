namespace Connective.Web.Features.Circle;

/// <summary>What a helper's check is called in each UK jurisdiction, and whether it meets a task's requirement.</summary>
public static class Vetting
{
    /// <summary>Checks at or above this level count as "vetted for home visits".</summary>
    public const CheckLevel HomeVisitLevel = CheckLevel.Enhanced;

    /// <summary>The scheme's own name for a level (PVG and AccessNI have equivalents of the DBS levels).</summary>
    public static string Describe(CheckScheme scheme, CheckLevel level) => (scheme, level) switch
    {
        (_, CheckLevel.None) => "No check",
        (CheckScheme.Dbs, CheckLevel.Basic) => "Basic DBS check",
        (CheckScheme.Dbs, CheckLevel.Standard) => "Standard DBS check",
        (CheckScheme.Dbs, CheckLevel.Enhanced) => "Enhanced DBS check",
        (CheckScheme.Dbs, CheckLevel.EnhancedWithAdultsBarredList) => "Enhanced DBS check with the Adults' Barred List",
        (CheckScheme.Pvg, CheckLevel.Basic) => "Basic disclosure (Disclosure Scotland)",
        (CheckScheme.Pvg, CheckLevel.Standard) => "Standard disclosure (Disclosure Scotland)",
        (CheckScheme.Pvg, CheckLevel.Enhanced) => "Enhanced disclosure (Disclosure Scotland)",
        (CheckScheme.Pvg, CheckLevel.EnhancedWithAdultsBarredList) => "PVG scheme membership for work with protected adults",
        (CheckScheme.AccessNi, CheckLevel.Basic) => "Basic AccessNI check",
        (CheckScheme.AccessNi, CheckLevel.Standard) => "Standard AccessNI check",
        (CheckScheme.AccessNi, CheckLevel.Enhanced) => "Enhanced AccessNI check",
        (CheckScheme.AccessNi, CheckLevel.EnhancedWithAdultsBarredList) => "Enhanced AccessNI check with the Adults' Barred List",
        _ => level.ToString(),
    };

    /// <summary>
    /// Whether a helper's current check satisfies <paramref name="required"/> on <paramref name="today"/>: the level is at
    /// least the one required, the barred list was checked when the level includes it, and the re-check is not overdue.
    /// </summary>
    public static bool Satisfies(CheckLevel required, CheckLevel? level, bool barredListChecked, DateTime? recheckDueOn, DateTime today)
    {
        if (required == CheckLevel.None)
        {
            return true;
        }
        if (level is not { } held || held < required || recheckDueOn is not { } due || due < today)
        {
            return false;
        }
        return required != CheckLevel.EnhancedWithAdultsBarredList || barredListChecked;
    }

    /// <summary>Whether the helper has every training the task type asks for.</summary>
    public static bool HasTraining(HelperTraining held, HelperTraining required) => (held & required) == required;
}
