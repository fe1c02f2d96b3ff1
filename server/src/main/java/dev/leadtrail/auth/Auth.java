package dev.leadtrail.auth;

import dev.leadtrail.storage.Database;
import dev.leadtrail.user.UserRepository;
import java.time.Clock;

/** The authentication feature, wired: one hasher and one key store shared by both halves. */
public record Auth(Authenticator authenticator, ApiKeyService keys) {

  public static Auth create(Database database, UserRepository users, Clock clock) {
    var repository = new ApiKeyRepository();
    var hasher = new SecretHasher();
    return new Auth(
        new Authenticator(database, repository, hasher),
        new ApiKeyService(database, repository, users, hasher, clock));
  }
}
