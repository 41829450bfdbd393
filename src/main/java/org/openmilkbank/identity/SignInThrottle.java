package org.openmilkbank.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins lock an account, and separately a remote address, for a while after a run of failures; each
 * further lock lasts twice as long, up to a ceiling. Kept in memory: a restart lifts every lock.
 */
final class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_TRACKED = 10_000;

    /** How many failures in a row lock, and how long the first and the longest lock last. */
    record Limits(int accountFailures, int addressFailures, Duration firstLock, Duration longestLock) {
        static Limits standard() {
            return new Limits(5, 20, Duration.ofMinutes(1), Duration.ofHours(1));
        }
    }

    private static final class Attempts {
        int failures;
        int locks;
        Instant lockedUntil = Instant.MIN;
        Instant lastFailure = Instant.MIN;
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Attempts> accounts = new ConcurrentHashMap<>();
    private final Map<String, Attempts> addresses = new ConcurrentHashMap<>();

    SignInThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** When the account or the address may try again, if either is locked now. */
    Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(until(accounts, key(username)), until(addresses, address));
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        prune(now);
        fail(accounts, key(username), limits.accountFailures(), now, "account " + key(username));
        fail(addresses, address, limits.addressFailures(), now, "address " + address);
    }

    void succeeded(String username, String address) {
        accounts.remove(key(username));
        if (address != null) {
            addresses.remove(address);
        }
    }

    /** Lifts an account's lock and forgets its failures; the ADMIN's unlock. */
    boolean unlock(String username) {
        Attempts removed = accounts.remove(key(username));
        return removed != null && removed.lockedUntil.isAfter(clock.instant());
    }

    List<SignInLock> lockedAccounts() {
        Instant now = clock.instant();
        return accounts.entrySet().stream()
                .filter(e -> e.getValue().lockedUntil.isAfter(now))
                .map(e -> new SignInLock(e.getKey(), e.getValue().lockedUntil))
                .sorted(Comparator.comparing(SignInLock::username))
                .toList();
    }

    private void fail(Map<String, Attempts> map, String key, int threshold, Instant now, String what) {
        if (key == null) {
            return;
        }
        map.compute(key, (k, attempts) -> {
            Attempts a = attempts == null ? new Attempts() : attempts;
            a.lastFailure = now;
            a.failures++;
            if (a.failures >= threshold) {
                a.failures = 0;
                a.locks++;
                a.lockedUntil = now.plus(lockFor(a.locks));
                log.warn("Sign-in locked for {} until {} (lock {})", what, a.lockedUntil, a.locks);
            }
            return a;
        });
    }

    private Duration lockFor(int locks) {
        Duration lock = limits.firstLock();
        for (int i = 1; i < locks && lock.compareTo(limits.longestLock()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(limits.longestLock()) > 0 ? limits.longestLock() : lock;
    }

    // a flood of made-up user names must not grow the maps for ever
    private void prune(Instant now) {
        Instant stale = now.minus(Duration.ofDays(1));
        for (Map<String, Attempts> map : List.of(accounts, addresses)) {
            if (map.size() > MAX_TRACKED) {
                map.values().removeIf(a -> a.lockedUntil.isBefore(now) && a.lastFailure.isBefore(stale));
            }
        }
    }

    private static Instant until(Map<String, Attempts> map, String key) {
        if (key == null) {
            return Instant.MIN;
        }
        Attempts a = map.get(key);
        return a == null ? Instant.MIN : a.lockedUntil;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String key(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}
