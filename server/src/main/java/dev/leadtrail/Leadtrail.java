package dev.leadtrail;

import dev.leadtrail.activity.ActivityDeletion;
import dev.leadtrail.activity.ActivityEndpoints;
import dev.leadtrail.activity.ActivityService;
import dev.leadtrail.activity.ActivityUpdateService;
import dev.leadtrail.activity.AttachmentService;
import dev.leadtrail.activity.FileFetches;
import dev.leadtrail.activitytype.ActivityTypeEndpoints;
import dev.leadtrail.activitytype.ActivityTypeService;
import dev.leadtrail.auth.ApiKeyService;
import dev.leadtrail.auth.Auth;
import dev.leadtrail.auth.AuthEndpoints;
import dev.leadtrail.auth.CallerGate;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.file.ExpiredFiles;
import dev.leadtrail.file.FileEndpoints;
import dev.leadtrail.file.FileService;
import dev.leadtrail.http.HttpServer;
import dev.leadtrail.lead.LeadEndpoints;
import dev.leadtrail.lead.LeadService;
import dev.leadtrail.management.ManagementServer;
import dev.leadtrail.management.Metrics;
import dev.leadtrail.org.OrganisationService;
import dev.leadtrail.outbound.HostResolver;
import dev.leadtrail.outbound.OutboundClient;
import dev.leadtrail.ratelimit.BucketRateLimiter;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.RecentUsers;
import dev.leadtrail.user.UserEndpoints;
import dev.leadtrail.user.UserService;
import dev.leadtrail.webhook.WebhookEndpoints;
import dev.leadtrail.webhook.WebhookService;
import java.time.Clock;
import java.util.List;

/**
 * The whole server, wired by hand in one place: the metrics, the store, then the services that use
 * it, then the HTTP servers that call them. {@link #close()} stops them in reverse: the API first,
 * letting requests in flight finish, then the store. The command line and the tests both start
 * Leadtrail through here. Not thread-safe: one thread opens, serves and closes it.
 */
public final class Leadtrail implements AutoCloseable {

  private final LeadtrailConfig config;
  private final Metrics metrics;
  private final Database database;
  private final OrganisationService organisations;
  private final UserService users;
  private final RecentUsers recentUsers;
  private final Auth auth;
  private final LeadService leads;
  private final ActivityTypeService activityTypes;
  private final ActivityService activities;
  private final ActivityUpdateService activityUpdates;
  private final OutboundClient outbound;
  private final FileService files;
  private final FileFetches fileFetches;
  private final AttachmentService attachments;
  private final WebhookService webhooks;
  private BucketRateLimiter rateLimiter;
  private ExpiredFiles expiredFiles;
  private HttpServer http;
  private ManagementServer management;

  private Leadtrail(LeadtrailConfig config, Clock clock) {
    Auth.warmUpInBackground();
    this.config = config;
    this.outbound = OutboundClient.start(config.outbound(), HostResolver.SYSTEM);
    this.metrics = new Metrics();
    Database opened = null;
    try {
      opened = Database.open(config.database(), metrics.registry());
      opened.migrate();
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      metrics.close();
      outbound.close();
      throw e;
    }
    this.database = opened;
    Runnable accessChanged = this::forgetAccess;
    this.organisations = new OrganisationService(database, clock, accessChanged);
    this.users = new UserService(database, organisations, clock, accessChanged);
    this.recentUsers = new RecentUsers(users);
    this.auth = Auth.create(database, users, clock);
    this.webhooks = WebhookService.create(database, outbound, clock, config, metrics.registry());
    this.leads = LeadService.create(database, users, webhooks.outbox(), clock);
    this.activityTypes = ActivityTypeService.create(database, clock);
    this.files = FileService.create(database, activityTypes, outbound, clock, config.files());
    this.fileFetches = FileFetches.create(database, files, clock, config, metrics.registry());
    this.activities =
        ActivityService.create(
            database,
            activityTypes,
            leads,
            recentUsers,
            files,
            fileFetches,
            webhooks.outbox(),
            clock);
    this.activityUpdates =
        ActivityUpdateService.create(
            database,
            activityTypes,
            recentUsers,
            files,
            fileFetches,
            webhooks.outbox(),
            clock,
            metrics.registry());
    this.attachments = new AttachmentService(database, activityTypes, files, clock);
  }

  /** Access has changed: callers and users held in memory are read again. */
  private void forgetAccess() {
    auth.authenticator().forgetCallers();
    recentUsers.forgetAll();
  }

  /** The store and the services, migrated, without the HTTP server: for administration. */
  public static Leadtrail open(LeadtrailConfig config) {
    return open(config, Clock.systemUTC());
  }

  /** As {@link #open(LeadtrailConfig)}, telling the time by {@code clock}. */
  public static Leadtrail open(LeadtrailConfig config, Clock clock) {
    return new Leadtrail(config, clock);
  }

  /** Everything, serving HTTP on the configured address. */
  public static Leadtrail start(LeadtrailConfig config) {
    Leadtrail leadtrail = open(config);
    try {
      leadtrail.serve();
    } catch (RuntimeException e) {
      leadtrail.close();
      throw e;
    }
    return leadtrail;
  }

  /** Starts the HTTP server on an opened Leadtrail. */
  public void serve() {
    if (http != null) {
      throw new IllegalStateException("already serving");
    }
    rateLimiter = BucketRateLimiter.create(config.rateLimits(), database, metrics.registry());
    activityUpdates.runFileFetches();
    webhooks.startDelivering();
    expiredFiles = ExpiredFiles.start(files);
    http =
        HttpServer.start(
            config.server(),
            List.of(
                new AuthEndpoints(),
                new UserEndpoints(users),
                new LeadEndpoints(leads),
                new ActivityTypeEndpoints(activityTypes),
                new ActivityEndpoints(
                    activities,
                    activityUpdates,
                    attachments,
                    new ActivityDeletion(database, activityTypes, leads, outbound)),
                new FileEndpoints(files),
                new WebhookEndpoints(webhooks)),
            new CallerGate(auth.authenticator(), rateLimiter),
            database::isReady,
            metrics.registry());
    if (config.management().enabled()) {
      management = ManagementServer.start(config.management(), metrics, database::isReady);
    }
  }

  /** The management port, where /metrics is served. */
  public int managementPort() {
    if (management == null) {
      throw new IllegalStateException("no management port");
    }
    return management.port();
  }

  public int port() {
    if (http == null) {
      throw new IllegalStateException("not serving");
    }
    return http.port();
  }

  public OrganisationService organisations() {
    return organisations;
  }

  public UserService users() {
    return users;
  }

  public LeadService leads() {
    return leads;
  }

  public ActivityService activities() {
    return activities;
  }

  public ActivityTypeService activityTypes() {
    return activityTypes;
  }

  public FileService files() {
    return files;
  }

  public ApiKeyService apiKeys() {
    return auth.keys();
  }

  @Override
  public void close() {
    if (http != null) {
      http.stop();
    }
    if (management != null) {
      management.close();
    }
    if (rateLimiter != null) {
      rateLimiter.close();
    }
    if (expiredFiles != null) {
      expiredFiles.close();
    }
    fileFetches.close();
    webhooks.close();
    outbound.close();
    database.close();
    metrics.close();
  }
}
