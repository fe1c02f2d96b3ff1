package dev.leadtrail.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiCall;
import dev.leadtrail.http.ApiEndpoints;
import dev.leadtrail.http.ApiRoute;
import dev.leadtrail.value.Guid;
import java.util.List;
import java.util.Optional;

/** {@code UserManagement.svc}: the organisation's users (contract section 6). */
public final class UserEndpoints implements ApiEndpoints<Caller> {

  record UserView(
      @JsonProperty("ID") String id,
      @JsonProperty("FirstName") String firstName,
      @JsonProperty("LastName") String lastName,
      @JsonProperty("EmailAddress") String emailAddress,
      @JsonProperty("Role") String role,
      @JsonProperty("StatusCode") int statusCode) {

    static UserView of(User user) {
      return new UserView(
          user.id().value(),
          user.firstName(),
          user.lastName(),
          user.email(),
          user.role().wireName(),
          user.active() ? 0 : 1);
    }
  }

  private final UserService users;

  public UserEndpoints(UserService users) {
    this.users = users;
  }

  @Override
  public List<ApiRoute<Caller>> routes() {
    return List.of(
        ApiRoute.get("UserManagement.svc/Users.Get", this::list),
        ApiRoute.get("UserManagement.svc/User/Retrieve/ByUserId", this::byUserId),
        ApiRoute.get("UserManagement.svc/User/Retrieve/ByEmailAddress", this::byEmailAddress));
  }

  void list(ApiCall<Caller> call) {
    call.respond(users.list(call.caller().orgId()).stream().map(UserView::of).toList());
  }

  /** An array of one active user, or {@code []}; the id may come as userId (any case) or id. */
  void byUserId(ApiCall<Caller> call) {
    String id =
        call.query("userId")
            .or(() -> call.query("id"))
            .map(String::strip)
            .orElseThrow(() -> RuleViolationException.invalidInput("userId", "It is required."));
    Optional<User> user =
        Guid.isGuid(id) ? users.find(call.caller().orgId(), new UserId(id)) : Optional.empty();
    call.respond(user.filter(User::active).map(UserView::of).stream().toList());
  }

  /** As {@link #byUserId}, by {@code emailAddress} (any case); a malformed address finds none. */
  void byEmailAddress(ApiCall<Caller> call) {
    String email =
        call.query("emailAddress")
            .map(String::strip)
            .filter(text -> !text.isEmpty())
            .orElseThrow(
                () -> RuleViolationException.invalidInput("emailAddress", "It is required."));
    Optional<User> user =
        Guid.isGuid(email) ? Optional.empty() : users.findByIdOrEmail(call.caller().orgId(), email);
    call.respond(user.filter(User::active).map(UserView::of).stream().toList());
  }
}
