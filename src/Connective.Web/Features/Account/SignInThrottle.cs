using System.Collections.Concurrent;

namespace Connective.Web.Features.Account;

/// <summary>
/// Slows password guessing against one address without letting anyone lock a resident out. A hard lockout after five
/// failures let a stranger keep anyone's account shut by typing wrong passwords; instead, after a few free failures each
/// further attempt on that address must wait twice as long as the last (1 s, 2 s, 4 s … at most a minute), while the
/// per-connection rate limit on the form stops one source trying many addresses. Unknown addresses are slowed exactly
/// like registered ones, so the delay reveals nothing. Staff accounts keep Identity's lockout instead: they see named
/// people, and a locked staff account is noticed and reset by an administrator.
/// Held in memory: with several web instances each slows guesses on its own, which still bounds the rate.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>Failures on an address before the first wait: room for typing slips.</summary>
    public const int FreeFailures = 3;

    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    /// <summary>Beyond this many remembered addresses, those whose last failure is older than the longest wait are forgotten.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Last)> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The wait due after <paramref name="failureCount"/> failures in a row.</summary>
    public static TimeSpan WaitAfter(int failureCount) =>
        failureCount < FreeFailures ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(LongestWait.TotalSeconds, Math.Pow(2, failureCount - FreeFailures)));

    /// <summary>Whether an attempt on this address must wait (it is then refused without checking the password).</summary>
    public bool MustWait(string email) =>
        _failures.TryGetValue(email, out var state) && state.Last + WaitAfter(state.Failures) > time.GetUtcNow();

    public void Failed(string email)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(email, _ => (1, now), (_, state) => (state.Failures + 1, now));
        if (_failures.Count > PruneAbove)
        {
            foreach (var stale in _failures.Where(entry => entry.Value.Last + LongestWait < now).Select(entry => entry.Key).ToList())
            {
                _failures.TryRemove(stale, out _);
            }
        }
    }

    public void Succeeded(string email) => _failures.TryRemove(email, out _);
}
