package dev.leadtrail.auth;

import dev.leadtrail.storage.Database;
import dev.leadtrail.user.UserService;
import java.time.Clock;

/** The authentication feature, wired: one hasher and one key store shared by both halves. */
public record Auth(Authenticator authenticator, ApiKeyService keys) {

  /**
   * Derives one throw-away hash on a background thread, so that the JIT has compiled the slow hash
   * before the first caller waits for it: cold, it takes several times as long. Started first
   * thing, it runs while the store opens and the HTTP server starts.
   */
  public static void warmUpInBackground() {
    Thread.ofPlatform()
        .daemon()
        .name("leadtrail-hash-warm-up")
        .start(() -> new SecretHasher().hash("warm-up"));
  }

  public static Auth create(Database database, UserService users, Clock clock) {
    var repository = new ApiKeyRepository(database);
    var hasher = new SecretHasher();
    var authenticator = new Authenticator(database, repository, users, hasher);
    return new Auth(
        authenticator,
        new ApiKeyService(
            database, repository, users, hasher, clock, authenticator::forgetCallers));
  }
}
