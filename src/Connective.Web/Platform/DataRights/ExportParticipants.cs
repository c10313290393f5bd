using Connective.Web.Data;

namespace Connective.Web.Platform.DataRights;

/// <summary>
/// An area that holds records about a person puts them in the person's download through this, as
/// <see cref="IErasureParticipant"/> does for erasure: <see cref="PersonalDataExport"/> asks every participant and knows
/// no area. Each participant also says which entity types it covers, and which it leaves out and why; a test walks the
/// EF model and fails when an entity that refers to a resident or an account is in neither list.
/// Register with <c>services.AddExportParticipant&lt;T&gt;()</c>.
/// </summary>
public interface IExportParticipant
{
    /// <summary>The entity types whose rows about the person this participant puts in the download.</summary>
    IReadOnlyCollection<Type> Exports { get; }

    /// <summary>
    /// Entity types that refer to a person but are left out of the download, each with the reason (the download's
    /// README repeats the reasons, so the person knows what exists and why they do not get it this way).
    /// </summary>
    IReadOnlyDictionary<Type, string> Withheld { get; }

    /// <summary>The participant's sections of the download, each with a name unique in the download.</summary>
    Task<IReadOnlyList<PersonalDataExport.Section>> ExportAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken);
}

public static class ExportParticipants
{
    /// <summary>Adds an area's part in the personal-data download (scoped, so it can take the area's services).</summary>
    public static IServiceCollection AddExportParticipant<T>(this IServiceCollection services)
        where T : class, IExportParticipant =>
        services.AddScoped<IExportParticipant, T>();
}
