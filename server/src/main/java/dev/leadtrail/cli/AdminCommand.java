package dev.leadtrail.cli;

import dev.leadtrail.Leadtrail;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.Role;
import dev.leadtrail.user.UserId;
import dev.leadtrail.value.RateLimit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Administers organisations, users and keys in the database that serve uses.",
    subcommands = {
      AdminCommand.CreateOrg.class,
      AdminCommand.CreateUser.class,
      AdminCommand.DeactivateUser.class,
      AdminCommand.CreateKey.class,
      AdminCommand.RevokeKey.class,
      AdminCommand.SetRateLimit.class,
      AdminCommand.SetPhones.class,
      AdminCommand.Migrate.class
    })
final class AdminCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name an admin command.");
  }

  /** Opens the configured store (migrating it), runs the work, closes it. */
  private abstract static class AdminTask extends ConfiguredCommand implements Callable<Integer> {

    @Override
    public final Integer call() {
      try (Leadtrail leadtrail = Leadtrail.open(configuration())) {
        run(leadtrail);
      }
      return 0;
    }

    abstract void run(Leadtrail leadtrail);
  }

  /** The organisation an admin command acts in. */
  static final class InOrganisation {
    @Option(
        names = "--org",
        required = true,
        converter = OrgIdConverter.class,
        description = "The organisation's id.")
    OrgId orgId;
  }

  /** The organisation and the user an admin command acts on. */
  static final class OnUser {
    @Mixin InOrganisation organisation;

    @Option(
        names = "--user",
        required = true,
        converter = UserIdConverter.class,
        description = "The user's id.")
    UserId userId;
  }

  static final class OrgIdConverter implements CommandLine.ITypeConverter<OrgId> {
    @Override
    public OrgId convert(String value) {
      return new OrgId(value);
    }
  }

  static final class UserIdConverter implements CommandLine.ITypeConverter<UserId> {
    @Override
    public UserId convert(String value) {
      return new UserId(value);
    }
  }

  static final class RoleConverter implements CommandLine.ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
      return Role.named(value)
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "expected Administrator, Sales_Manager, Sales_User or Marketing_User"));
    }
  }

  @Command(
      name = "create-org",
      mixinStandardHelpOptions = true,
      description = "Creates an organisation.")
  static final class CreateOrg extends AdminTask {
    @Option(names = "--name", required = true, description = "Its display name.")
    private String name;

    @Option(names = "--time-zone", defaultValue = "UTC", description = "Default ${DEFAULT-VALUE}.")
    private String timeZone;

    @Override
    void run(Leadtrail leadtrail) {
      var organisation = leadtrail.organisations().create(OrgId.random(), name, timeZone);
      System.out.printf(
          "Created organisation %s (short code %s)%n", organisation.id(), organisation.shortCode());
    }
  }

  @Command(name = "create-user", mixinStandardHelpOptions = true, description = "Creates a user.")
  static final class CreateUser extends AdminTask {
    @Mixin private InOrganisation organisation;

    @Option(names = "--first-name", required = true)
    private String firstName;

    @Option(names = "--last-name", defaultValue = "")
    private String lastName;

    @Option(names = "--email", required = true)
    private String email;

    @Option(
        names = "--role",
        defaultValue = "Sales_User",
        converter = RoleConverter.class,
        description = "Administrator, Sales_Manager, Sales_User (default) or Marketing_User.")
    private Role role;

    @Override
    void run(Leadtrail leadtrail) {
      var user =
          leadtrail
              .users()
              .create(organisation.orgId, UserId.random(), firstName, lastName, email, role);
      System.out.printf("Created user %s (%s)%n", user.id(), user.email());
    }
  }

  @Command(
      name = "deactivate-user",
      mixinStandardHelpOptions = true,
      description = "Deactivates a user; the user's keys stop working at once.")
  static final class DeactivateUser extends AdminTask {
    @Mixin private OnUser target;

    @Override
    void run(Leadtrail leadtrail) {
      leadtrail.users().deactivate(target.organisation.orgId, target.userId);
      System.out.printf("Deactivated user %s%n", target.userId);
    }
  }

  @Command(
      name = "create-key",
      mixinStandardHelpOptions = true,
      description = "Issues a key pair to a user. The secret key is shown this once only.")
  static final class CreateKey extends AdminTask {
    @Mixin private OnUser target;

    @Override
    void run(Leadtrail leadtrail) {
      var key = leadtrail.apiKeys().issue(target.organisation.orgId, target.userId);
      System.out.printf(
          "access key  %s%nsecret key  %s%nThe secret key is not stored in clear: keep it now.%n",
          key.accessKey(), key.secretKey());
    }
  }

  @Command(
      name = "revoke-key",
      mixinStandardHelpOptions = true,
      description = "Revokes a key pair.")
  static final class RevokeKey extends AdminTask {
    @Mixin private InOrganisation organisation;

    @Option(names = "--access-key", required = true)
    private String accessKey;

    @Override
    void run(Leadtrail leadtrail) {
      if (!leadtrail.apiKeys().revoke(organisation.orgId, accessKey)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "The organisation has no live key " + accessKey + ".");
      }
      System.out.printf("Revoked key %s%n", accessKey);
    }
  }

  @Command(
      name = "set-phones",
      mixinStandardHelpOptions = true,
      description =
          "Whether the organisation's leads must each have their own phone number (--unique, the"
              + " default, as in LeadSquared) or may share one (--shared).")
  static final class SetPhones extends AdminTask {
    @Mixin private InOrganisation organisation;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Choice choice;

    static final class Choice {
      @Option(names = "--unique")
      private boolean unique;

      @Option(names = "--shared")
      private boolean shared;
    }

    @Override
    void run(Leadtrail leadtrail) {
      leadtrail.organisations().setSharedPhones(organisation.orgId, choice.shared);
      System.out.printf(
          "Organisation %s: leads %s%n",
          organisation.orgId,
          choice.shared ? "may share a phone number" : "each have their own phone number");
    }
  }

  @Command(
      name = "set-rate-limit",
      mixinStandardHelpOptions = true,
      description = "Gives an organisation its own rate limits, or (--default) the server's.")
  static final class SetRateLimit extends AdminTask {
    @Mixin private InOrganisation organisation;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Choice choice;

    static final class Choice {
      @Option(names = "--default", description = "Use the server's configured limits.")
      private boolean useDefault;

      @ArgGroup(exclusive = false)
      private Own own;
    }

    static final class Own {
      @Option(names = "--calls", required = true)
      private int calls;

      @Option(names = "--window-seconds", required = true)
      private int windowSeconds;

      @Option(names = "--bulk-calls", required = true)
      private int bulkCalls;

      @Option(names = "--bulk-window-seconds", required = true)
      private int bulkWindowSeconds;
    }

    @Override
    void run(Leadtrail leadtrail) {
      OrgId orgId = organisation.orgId;
      if (choice.useDefault) {
        leadtrail.organisations().setRateLimits(orgId, null, null);
        System.out.printf("Organisation %s uses the server's rate limits%n", orgId);
        return;
      }
      Own own = choice.own;
      var standard = RateLimit.of(own.calls, own.windowSeconds);
      var bulk = RateLimit.of(own.bulkCalls, own.bulkWindowSeconds);
      leadtrail.organisations().setRateLimits(orgId, standard, bulk);
      System.out.printf(
          "Organisation %s: %d calls in %d s, bulk %d in %d s%n",
          orgId, own.calls, own.windowSeconds, own.bulkCalls, own.bulkWindowSeconds);
    }
  }

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = "Brings the database schema up to date (serve and demo also do this).")
  static final class Migrate extends AdminTask {
    @Override
    void run(Leadtrail leadtrail) {
      System.out.println("The database schema is up to date.");
    }
  }
}
