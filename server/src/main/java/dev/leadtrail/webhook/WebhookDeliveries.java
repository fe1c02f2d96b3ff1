package dev.leadtrail.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.FailureSummary;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.outbound.OutboundClient;
import dev.leadtrail.outbound.OutboundFailure;
import dev.leadtrail.storage.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of the outbox (contract section 9), on every instance: one thread claims due
 * events for a lease (on PostgreSQL skipping events another instance holds), each is posted on a
 * virtual thread, and what came of them is stored in batches by the same thread. A 2xx answer
 * delivers; any other answer, a timeout or an unreachable host is tried again after {@code
 * webhooks.first-retry-seconds}, twice as long each time up to {@code
 * webhooks.longest-retry-seconds}, with jitter, until {@code webhooks.tries}; then the event has
 * failed, and after {@code webhooks.disable-after-failed-events} failed events in a row the webhook
 * is disabled (StatusCode 2). An event whose instance died is delivered again when its lease runs
 * out: receivers see each event at least once, always with the same {@code webhook-id}.
 * Thread-safe.
 */
final class WebhookDeliveries implements AutoCloseable {

  /** An attempt as it came out: {@code statusCode} null when no answer came. */
  private record Outcome(
      WebhookEventRepository.Claimed event,
      Instant attemptedAt,
      Integer statusCode,
      int durationMs,
      String error) {

    boolean delivered() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
  private static final int CLAIM_AT_MOST = 256;

  private final Database database;
  private final WebhookRepository webhooks;
  private final WebhookEventRepository events;
  private final WebhookOutbox outbox;
  private final OutboundClient outbound;
  private final Clock clock;
  private final LeadtrailConfig.Webhooks config;
  private final Duration lease;
  private final Semaphore slots;
  private final Semaphore wakeUp = new Semaphore(0);
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
  private final Counter delivered;
  private final Counter retried;
  private final Counter failed;
  private final Timer lag;
  private volatile boolean closed;
  private Instant nextSweep = Instant.MIN;
  private Thread poller;

  WebhookDeliveries(
      Database database,
      WebhookOutbox outbox,
      OutboundClient outbound,
      Clock clock,
      LeadtrailConfig config,
      MeterRegistry metrics) {
    this.database = database;
    this.webhooks = new WebhookRepository(database);
    this.events = new WebhookEventRepository(database);
    this.outbox = outbox;
    this.outbound = outbound;
    this.clock = clock;
    this.config = config.webhooks();
    this.lease = config.outbound().timeout().plus(LEASE_MARGIN);
    this.slots = new Semaphore(this.config.concurrency());
    this.delivered = outcomeCounter(metrics, "delivered");
    this.retried = outcomeCounter(metrics, "retried");
    this.failed = outcomeCounter(metrics, "failed");
    this.lag =
        Timer.builder("leadtrail.webhooks.delivery.lag")
            .description("From an event's commit to its delivery")
            .publishPercentileHistogram()
            .register(metrics);
    Gauge.builder("leadtrail.webhooks.events.pending", this, WebhookDeliveries::pendingOrNaN)
        .description("Webhook events not yet delivered nor failed")
        .register(metrics);
    outbox.onWake(this::wake);
  }

  private static Counter outcomeCounter(MeterRegistry metrics, String outcome) {
    return Counter.builder("leadtrail.webhooks.deliveries")
        .tag("outcome", outcome)
        .description("Webhook delivery attempts, by outcome")
        .register(metrics);
  }

  private double pendingOrNaN() {
    try {
      return database.read(events::pending);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  void start() {
    poller = Thread.ofPlatform().name("leadtrail-webhooks").daemon().start(this::poll);
  }

  void wake() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  private void poll() {
    while (!closed) {
      int done = 0;
      try {
        done = storeOutcomes() + claimAndDeliver();
        sweepNowAndThen();
      } catch (RuntimeException e) {
        log.warn("Webhook events could not be delivered: {}", FailureSummary.describe(e));
      }
      if (done == 0) {
        try {
          wakeUp.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private int claimAndDeliver() {
    int free = Math.min(slots.availablePermits(), CLAIM_AT_MOST);
    Instant now = clock.instant();
    if (free == 0 || !database.read(() -> events.anyDue(now))) {
      return 0;
    }
    List<WebhookEventRepository.Claimed> claimed =
        database.write(() -> events.claim(now, now.plus(lease), free));
    if (claimed.isEmpty()) {
      return 0;
    }
    Set<String> ids =
        claimed.stream().map(WebhookEventRepository.Claimed::webhookId).collect(Collectors.toSet());
    Map<String, WebhookRepository.Target> targets =
        database.read(() -> webhooks.targets(ids)).stream()
            .collect(Collectors.toMap(target -> target.id().value(), Function.identity()));
    for (WebhookEventRepository.Claimed event : claimed) {
      WebhookRepository.Target target = targets.get(event.webhookId());
      if (target == null) {
        continue; // deleted meanwhile, and its events with it
      }
      slots.acquireUninterruptibly();
      runs.execute(
          () -> {
            try {
              outcomes.add(deliver(event, target));
            } finally {
              slots.release();
              wake();
            }
          });
    }
    return claimed.size();
  }

  private Outcome deliver(WebhookEventRepository.Claimed event, WebhookRepository.Target target) {
    Instant at = clock.instant();
    long started = System.nanoTime();
    Integer status = null;
    String error = null;
    try {
      WebhookRequest request = WebhookRequest.of(event, target, at);
      status =
          outbound.post(
              request.url(), target.contentType().header(), request.body(), request.headers());
      if (status < 200 || status >= 300) {
        error = "the receiver answered " + status;
      }
    } catch (OutboundFailure e) {
      error = e.getMessage();
    } catch (RuntimeException e) {
      error = "the delivery could not be made";
      log.warn("A webhook delivery could not be made: {}", FailureSummary.describe(e));
    }
    int ms = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return new Outcome(event, at, status, ms, error);
  }

  /** Stores what came of the attempts finished since the last time, in one write. */
  private int storeOutcomes() {
    List<Outcome> finished = new ArrayList<>();
    for (Outcome outcome; (outcome = outcomes.poll()) != null; ) {
      finished.add(outcome);
    }
    if (finished.isEmpty()) {
      return 0;
    }
    Set<OrgId> disabledIn = new HashSet<>();
    Instant now = clock.instant();
    database.write(
        () -> {
          Set<String> deliveredTo = new HashSet<>();
          for (Outcome outcome : finished) {
            var event = outcome.event();
            events.attempted(
                event.seq(),
                event.webhookId(),
                outcome.attemptedAt(),
                outcome.statusCode(),
                outcome.durationMs(),
                outcome.error());
            if (outcome.delivered()) {
              events.delivered(event.seq(), now);
              deliveredTo.add(event.webhookId());
            } else if (event.tries() < config.tries()) {
              events.retryLater(event.seq(), now.plus(backoff(event.tries())), outcome.error());
            } else {
              events.failed(event.seq(), outcome.error());
              if (webhooks.countFailedEvent(event.webhookId(), config.disableAfter())) {
                disabledIn.add(event.orgId());
              }
            }
          }
          deliveredTo.forEach(webhooks::countDeliveredEvent);
          return null;
        });
    disabledIn.forEach(outbox::forget);
    count(finished, now);
    return finished.size();
  }

  private void count(List<Outcome> finished, Instant now) {
    for (Outcome outcome : finished) {
      var event = outcome.event();
      if (outcome.delivered()) {
        delivered.increment();
        lag.record(Duration.between(event.createdAt(), now));
      } else if (event.tries() < config.tries()) {
        retried.increment();
      } else {
        failed.increment();
        log.warn(
            "Webhook event {} failed its last try ({} of {}): {}",
            event.id(),
            event.tries(),
            config.tries(),
            outcome.error());
      }
    }
  }

  /** After the {@code n}th try: the first wait, twice as long each try up to the longest, ±10%. */
  private Duration backoff(int n) {
    double wait =
        Math.min(
            config.longestRetry().toMillis(),
            config.firstRetry().toMillis() * Math.pow(2, Math.min(n - 1, 30)));
    double jitter = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
    return Duration.ofMillis((long) (wait * jitter));
  }

  private void sweepNowAndThen() {
    Instant now = clock.instant();
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(SWEEP_EVERY);
    int removed = database.write(() -> events.removeSettledBefore(now.minus(config.keepFor())));
    if (removed > 0) {
      log.info("Removed {} settled webhook events older than {}", removed, config.keepFor());
    }
  }

  @Override
  public void close() {
    closed = true;
    if (poller != null) {
      poller.interrupt();
      try {
        poller.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    runs.shutdownNow();
  }

  /** The HTTP request of one attempt: the URL with LeadSquared's query, the body, the headers. */
  record WebhookRequest(String url, byte[] body, List<Map.Entry<String, String>> headers) {

    static WebhookRequest of(
        WebhookEventRepository.Claimed event, WebhookRepository.Target target, Instant at) {
      String body =
          target
              .contentType()
              .body(
                  event.payload(),
                  target.contentType() == WebhookContentType.FORM
                      ? JsonValues.embedded(event.payload(), "payload")
                      : null);
      long timestamp = at.getEpochSecond();
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      target.headers().forEach(header -> headers.add(Map.entry(header.key(), header.value())));
      headers.add(Map.entry("webhook-id", event.id()));
      headers.add(Map.entry("webhook-timestamp", String.valueOf(timestamp)));
      headers.add(
          Map.entry("webhook-signature", sign(target.secret(), event.id(), timestamp, body)));
      return new WebhookRequest(
          withQuery(target.url(), target.id(), event.event()),
          body.getBytes(StandardCharsets.UTF_8),
          headers);
    }

    private static String sign(String secret, String id, long timestamp, String body) {
      try {
        return new Webhook(secret).sign(id, timestamp, body);
      } catch (WebhookSigningException e) {
        throw new IllegalStateException("a webhook delivery could not be signed", e);
      }
    }

    /** The URL with the query parameters LeadSquared adds to every delivery. */
    private static String withQuery(String url, WebhookId id, WebhookEvent event) {
      int fragment = url.indexOf('#');
      String base = fragment < 0 ? url : url.substring(0, fragment);
      return base
          + (base.contains("?") ? "&" : "?")
          + "entityType=webhook&entityId="
          + id.value()
          + "&eventType="
          + event.wireName();
    }
  }
}
