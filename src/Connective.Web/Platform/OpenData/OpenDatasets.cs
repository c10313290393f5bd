using System.Runtime.CompilerServices;
using Connective.Web.Data;
using Connective.Web.Platform.Disclosure;

namespace Connective.Web.Platform.OpenData;

/// <summary>What a column of an open dataset holds; the catalogue writes each kind the same way in CSV, JSON and CSVW.</summary>
public enum OpenColumnKind
{
    /// <summary>Text (a name, a purpose): guarded against spreadsheet formulas in CSV.</summary>
    Text,

    /// <summary>A calendar date (<see cref="DateOnly"/>), written yyyy-MM-dd.</summary>
    Date,

    /// <summary>Money held as integer pence (<see cref="long"/>), published as pounds with two decimals.</summary>
    Money,

    /// <summary>
    /// A count of people (<see cref="int"/>, exact as the dataset hands it over). The catalogue publishes it only through
    /// <see cref="DisclosureControl"/>: each such column is treated as a list of counts whose total anyone could add up,
    /// so small counts are suppressed, others rounded to 5, and a lone suppressed count gets a partner.
    /// </summary>
    PeopleCount,
}

/// <summary>A column: its name in the file (snake_case), a title and a description for the data dictionary.</summary>
public sealed record OpenColumn(string Name, string Title, OpenColumnKind Kind, string Description, bool Required = true);

/// <summary>A dataset's description: <c>Id</c> is its stable URL segment and never changes.</summary>
public sealed record OpenDatasetInfo(string Id, string Title, string Description, string Keyword, IReadOnlyList<OpenColumn> Columns);

/// <summary>One change to a dataset, for its change history (newest first): the first one's date is "last updated".</summary>
public sealed record OpenDatasetChange(DateTime At, string Summary);

/// <summary>
/// A dataset on the open data portal (/open). Any area publishes one by implementing this and registering it with
/// <c>services.AddOpenDataset&lt;T&gt;()</c>; the portal, the catalogue and every download format come from the kernel, so
/// the portal names no area. Rows are handed over raw: values in column order, of the type each
/// <see cref="OpenColumnKind"/> says; counts of people are exact, and the kernel applies disclosure control to them.
/// </summary>
public interface IOpenDataset
{
    OpenDatasetInfo Info { get; }

    /// <summary>The dataset's changes, newest first (empty when it has never had data).</summary>
    Task<IReadOnlyList<OpenDatasetChange>> HistoryAsync(AppDbContext db, CancellationToken cancellationToken);

    /// <summary>The rows, streamed from the database: never collect a large dataset in memory.</summary>
    IAsyncEnumerable<object?[]> RowsAsync(AppDbContext db, CancellationToken cancellationToken);
}

public static class OpenDatasetRegistration
{
    /// <summary>Publishes an area's dataset on the open data portal (scoped, so it can take the area's services).</summary>
    public static IServiceCollection AddOpenDataset<T>(this IServiceCollection services)
        where T : class, IOpenDataset =>
        services.AddScoped<IOpenDataset, T>();
}

/// <summary>
/// Every published dataset, and the one way to read one's rows for publication: counts of people always pass through
/// <see cref="DisclosureControl"/> here, so no area can publish an exact small count by forgetting to.
/// </summary>
public sealed class OpenDataCatalogue(IEnumerable<IOpenDataset> datasets, AppDbContext db)
{
    public IReadOnlyList<IOpenDataset> All { get; } = [.. datasets.OrderBy(dataset => dataset.Info.Title, StringComparer.Ordinal)];

    public IOpenDataset? Find(string id) => All.FirstOrDefault(dataset => string.Equals(dataset.Info.Id, id, StringComparison.Ordinal));

    public Task<IReadOnlyList<OpenDatasetChange>> HistoryAsync(IOpenDataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.HistoryAsync(db, cancellationToken);
    }

    /// <summary>
    /// The rows as published. A dataset without counts of people streams straight through; one with them is small by
    /// nature (a row per ward, per circle) and is read whole, because secondary suppression needs the whole column.
    /// </summary>
    public async IAsyncEnumerable<object?[]> PublishedRowsAsync(IOpenDataset dataset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = dataset.Info.Columns;
        var countColumns = Enumerable.Range(0, columns.Count).Where(i => columns[i].Kind == OpenColumnKind.PeopleCount).ToArray();
        if (countColumns.Length == 0)
        {
            await foreach (var row in dataset.RowsAsync(db, cancellationToken))
            {
                yield return row;
            }
            yield break;
        }
        var rows = new List<object?[]>();
        await foreach (var row in dataset.RowsAsync(db, cancellationToken))
        {
            rows.Add((object?[])row.Clone());
        }
        foreach (var column in countColumns)
        {
            var published = DisclosureControl.Column([.. rows.Select(row => row[column] is int exact ? exact :
                throw new InvalidOperationException($"{dataset.Info.Id}: column {columns[column].Name} is a count of people and must hold an int."))]);
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i][column] = published.Cells[i].Value;
            }
        }
        foreach (var row in rows)
        {
            yield return row;
        }
    }
}
