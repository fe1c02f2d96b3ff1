package dev.leadtrail.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leadtrail.org.OrgId;
import java.time.Duration;
import java.util.Optional;

/**
 * Users as read in the last {@link #HELD_FOR}, by id or email: the users an activity's Owner and
 * user fields name, looked up on every write. A user unknown to the store is read again each time,
 * so a new user can be named at once; a change made through this process is seen at once ({@link
 * #forgetAll()}), one made elsewhere within {@link #HELD_FOR}. Thread-safe.
 */
public final class RecentUsers {

  /** How long what is known of a user or a key may be answered from memory. */
  public static final Duration HELD_FOR = Duration.ofSeconds(1);

  private static final int HELD = 100_000;

  private record Key(OrgId orgId, String idOrEmail) {}

  private final UserService users;
  private final Cache<Key, User> recent =
      Caffeine.newBuilder().expireAfterWrite(HELD_FOR).maximumSize(HELD).build();

  public RecentUsers(UserService users) {
    this.users = users;
  }

  /** The user a user id or an email address names. */
  public Optional<User> find(OrgId orgId, String idOrEmail) {
    var key = new Key(orgId, idOrEmail);
    User held = recent.getIfPresent(key);
    if (held != null) {
      return Optional.of(held);
    }
    Optional<User> user = users.findByIdOrEmail(orgId, idOrEmail);
    user.ifPresent(found -> recent.put(key, found));
    return user;
  }

  public void forgetAll() {
    recent.invalidateAll();
  }
}
