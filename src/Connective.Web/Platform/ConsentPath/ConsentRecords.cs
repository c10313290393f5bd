using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform.ConsentPath;

/// <summary>
/// The one place that reads and writes consent. Each change is a row kept for the record (withdrawal stamps it rather
/// than deleting it) and moves the network version in the same transaction, so no graph built before the change is
/// used after it.
/// </summary>
public sealed class ConsentRecords(AppDbContext db, ConsentedNetwork network, TimeProvider time)
{
    /// <summary>What <c>recordedBy</c> says when people give or withdraw consent themselves, online.</summary>
    public const string Self = "self";

    /// <summary>
    /// Records consent to <paramref name="purpose"/>; nothing changes when it is already current. <paramref name="recordedBy"/>
    /// is <see cref="Self"/> or the internal account id of whoever recorded it (never a name); consent by phone needs the
    /// version of the script that was read out.
    /// </summary>
    public async Task GiveAsync(int residentId, ConsentPurpose purpose, ConsentMethod method, string recordedBy, string? scriptVersion,
        CancellationToken cancellationToken)
    {
        Validate(purpose, recordedBy);
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Not a way of giving consent.");
        }
        if (method == ConsentMethod.Phone && string.IsNullOrWhiteSpace(scriptVersion))
        {
            throw new ArgumentException("Consent given by phone records the version of the script read out.", nameof(scriptVersion));
        }
        if (await HasAsync(residentId, purpose, cancellationToken))
        {
            return;
        }
        await CallerOrOwnTransaction.RunAsync(db, async () =>
        {
            db.Consents.Add(new Consent
            {
                ResidentId = residentId,
                Purpose = purpose,
                GivenAt = time.GetUtcNow().UtcDateTime,
                Method = method,
                RecordedBy = recordedBy,
                ScriptVersion = method == ConsentMethod.Phone ? scriptVersion : null,
            });
            await db.SaveChangesAsync(cancellationToken);
            await ConsentedNetwork.RecordChangeAsync(db, cancellationToken);
        }, cancellationToken);
        network.Refresh();
    }

    /// <summary>Withdraws current consent to <paramref name="purpose"/>, if any, recording who withdrew it.</summary>
    public async Task WithdrawAsync(int residentId, ConsentPurpose purpose, string recordedBy, CancellationToken cancellationToken)
    {
        Validate(purpose, recordedBy);
        var changed = false;
        await CallerOrOwnTransaction.RunAsync(db, async () =>
        {
            var current = await db.Consents
                .Where(consent => consent.ResidentId == residentId && consent.Purpose == purpose && consent.WithdrawnAt == null)
                .ToListAsync(cancellationToken);
            if (current.Count == 0)
            {
                return;
            }
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var consent in current)
            {
                consent.WithdrawnAt = now;
                consent.WithdrawnBy = recordedBy;
            }
            await db.SaveChangesAsync(cancellationToken);
            await ConsentedNetwork.RecordChangeAsync(db, cancellationToken);
            changed = true;
        }, cancellationToken);
        if (changed)
        {
            network.Refresh();
        }
    }

    public Task<bool> HasAsync(int residentId, ConsentPurpose purpose, CancellationToken cancellationToken) =>
        db.Consents.AnyAsync(consent => consent.ResidentId == residentId && consent.Purpose == purpose && consent.WithdrawnAt == null,
            cancellationToken);

    /// <summary>The purposes the person currently consents to.</summary>
    public async Task<IReadOnlySet<ConsentPurpose>> CurrentAsync(int residentId, CancellationToken cancellationToken) =>
        (await db.Consents.AsNoTracking()
            .Where(consent => consent.ResidentId == residentId && consent.WithdrawnAt == null)
            .Select(consent => consent.Purpose)
            .ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>Every consent the person has given, current or withdrawn, oldest first: the record they can see and download.</summary>
    public async Task<IReadOnlyList<Consent>> HistoryAsync(int residentId, CancellationToken cancellationToken) =>
        await db.Consents.AsNoTracking()
            .Where(consent => consent.ResidentId == residentId)
            .OrderBy(consent => consent.GivenAt).ThenBy(consent => consent.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The ids of people who currently consent to <paramref name="purpose"/>, to compose into a query.</summary>
    public IQueryable<int> Consenting(ConsentPurpose purpose) => Consenting(db, purpose);

    internal static IQueryable<int> Consenting(AppDbContext db, ConsentPurpose purpose) =>
        db.Consents.Where(consent => consent.Purpose == purpose && consent.WithdrawnAt == null).Select(consent => consent.ResidentId);

    private static void Validate(ConsentPurpose purpose, string recordedBy)
    {
        if (!Enum.IsDefined(purpose))
        {
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Not a purpose people consent to.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
    }

    /// <summary>Words for a purpose, as the person reads it about themselves.</summary>
    public static string DescribeForSelf(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.NetworkInsight => "My connections may be used to understand the community's network",
        ConsentPurpose.ShowToHelpersNearby => "Show me to helpers nearby when I ask for help",
        ConsentPurpose.ContactByPhone => "Coordinators may phone me",
        ConsentPurpose.ResearchExports => "My anonymised records may be included in research",
        ConsentPurpose.FindHelpThroughMyNetwork => "My connections may be used to find me help, or people to help, through people I know",
        ConsentPurpose.CoordinatorMayActForMe => "A coordinator may act for me when I phone",
        _ => purpose.ToString(),
    };

    /// <summary>Words for a purpose, as staff read it about someone.</summary>
    public static string DescribeForStaff(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.NetworkInsight => "Their connections can be used to understand the community's network",
        ConsentPurpose.ShowToHelpersNearby => "They can be shown to helpers nearby",
        ConsentPurpose.ContactByPhone => "Coordinators can phone them",
        ConsentPurpose.ResearchExports => "Anonymised records can be used in research",
        ConsentPurpose.FindHelpThroughMyNetwork => "Their connections can be used to find them help through people they know",
        ConsentPurpose.CoordinatorMayActForMe => "A coordinator can act for them when they phone",
        _ => purpose.ToString(),
    };
}
