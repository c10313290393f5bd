using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Audit;

/// <summary>
/// /admin/audit/export: the whole audit log as CSV for an admin who signed in (or confirmed it was them) in the last five
/// minutes. The export itself is audited. Rows carry internal ids only, like the log.
/// </summary>
internal static class AuditExport
{
    public const string Path = "/admin/audit/export";
    public const string ExportedAuditLog = "ExportedAuditLog";

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync).RequireAuthorization(Policies.Admin, Policies.RecentSignIn).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task ExportAsync(HttpContext http, AppDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        // Recorded before the rows are read, so the export appears in what it exports.
        await audit.RecordAsync(http.User, ExportedAuditLog, subjectResidentId: null, reason: null, cancellationToken);
        http.Response.ContentType = Csv.ContentType;
        http.Response.Headers.ContentDisposition = "attachment; filename=\"audit-log.csv\"";
        await using var csv = Csv.Writer(http.Response.Body);
        await csv.Header("id", "at_utc", "actor_id", "actor_role", "action", "subject_resident_id", "reason").EndRowAsync(cancellationToken);
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(entry => entry.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await csv.Number(entry.Id).Instant(entry.At).Text(entry.ActorId).Text(entry.ActorRole).Text(entry.Action)
                .Number(entry.SubjectResidentId).Text(entry.Reason).EndRowAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }
}
