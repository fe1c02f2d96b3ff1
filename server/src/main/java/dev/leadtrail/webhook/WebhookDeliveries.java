package dev.leadtrail.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.FailureSummary;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.jobs.Backoff;
import dev.leadtrail.jobs.Poller;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of the outbox (contract section 9), on every instance. One thread claims due
 * events, up to four rounds of {@code webhooks.concurrency} deliveries ahead; each is posted on a
 * virtual thread; and what came of them is stored by the same thread in its next write, so that one
 * commit serves many deliveries. Where several instances share the store (PostgreSQL) a claim is a
 * lease written in the store (skipping events another instance holds), and an event whose instance
 * died runs again when its lease runs out; where one instance alone serves it (SQLite) a claim is
 * held in memory, costing the single writer nothing, and a restart runs again what was in flight.
 * Either way receivers see each event at least once, always with the same {@code webhook-id}.
 *
 * <p>A 2xx answer delivers; any other answer, a timeout or an unreachable host is tried again after
 * {@code webhooks.first-retry-seconds}, twice as long each time up to {@code
 * webhooks.longest-retry-seconds}, with jitter, until {@code webhooks.tries}; then the event has
 * failed, and after {@code webhooks.disable-after-failed-events} failed events in a row the webhook
 * is disabled (StatusCode 2). Thread-safe.
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

  /**
   * Claims are held locally for up to so many rounds of {@code webhooks.concurrency} deliveries.
   */
  private static final int QUEUED_ROUNDS = 4;

  private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

  private final Database database;
  private final WebhookRepository webhooks;
  private final WebhookEventRepository events;
  private final WebhookOutbox outbox;
  private final OutboundClient outbound;
  private final Clock clock;
  private final LeadtrailConfig.Webhooks config;
  private final Duration lease;
  private final Semaphore slots;
  private final Backoff backoff;

  /** Events claimed whose delivery has not finished. */
  private final AtomicInteger held = new AtomicInteger();

  /**
   * Where one instance alone delivers (SQLite), the events it has claimed, until their outcomes are
   * stored; null where claims are leases in the store.
   */
  private final Set<Long> claimedHere;

  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
  private final Counter delivered;
  private final Counter retried;
  private final Counter failed;
  private final Timer lag;
  private Instant nextSweep = Instant.MIN;
  private volatile Poller poller;

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
    // An event claimed waits for at most the rounds of deliveries claimed before it.
    this.lease = config.outbound().timeout().multipliedBy(QUEUED_ROUNDS).plus(LEASE_MARGIN);
    this.slots = new Semaphore(this.config.concurrency());
    this.backoff = new Backoff(this.config.firstRetry(), 2, this.config.longestRetry());
    this.claimedHere = database.dialect().hasOneWriter() ? ConcurrentHashMap.newKeySet() : null;
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
    poller =
        Poller.start(
            "leadtrail-webhooks",
            "Webhook events could not be delivered",
            POLL,
            () -> {
              int done = storeAndClaim();
              sweepNowAndThen();
              return done;
            });
  }

  void wake() {
    Poller running = poller;
    if (running != null) {
      running.wake();
    }
  }

  /**
   * In one write: what came of the attempts finished since the last time, and a claim of due events
   * up to the room left; then delivers what it claimed. Answers how many events it handled.
   */
  private int storeAndClaim() {
    List<Outcome> finished = new ArrayList<>();
    for (Outcome outcome; (outcome = outcomes.poll()) != null; ) {
      finished.add(outcome);
    }
    int room = QUEUED_ROUNDS * config.concurrency() - held.get();
    Instant now = clock.instant();
    boolean claims =
        room > 0
            && (claimedHere != null
                || !finished.isEmpty()
                || database.read(() -> events.anyDue(now)));
    if (finished.isEmpty() && !claims) {
      return 0;
    }
    Set<OrgId> disabledIn = new HashSet<>();
    List<WebhookEventRepository.Claimed> claimed =
        claimedHere == null
            ? storeAndClaimWithLeases(finished, now, claims ? room : 0, disabledIn)
            : storeAndClaimHere(finished, now, claims ? room : 0, disabledIn);
    held.addAndGet(claimed.size());
    disabledIn.forEach(outbox::forget);
    count(finished, now);
    deliverAll(claimed);
    return finished.size() + claimed.size();
  }

  /**
   * Several instances: the outcomes and the claim in one write; an outcome that fails to be stored
   * is dropped, and its event runs again when its lease runs out.
   */
  private List<WebhookEventRepository.Claimed> storeAndClaimWithLeases(
      List<Outcome> finished, Instant now, int room, Set<OrgId> disabledIn) {
    return database.write(
        () -> {
          store(finished, now, disabledIn);
          return room > 0 ? events.claim(now, now.plus(lease), room) : List.of();
        });
  }

  /**
   * One instance alone (SQLite): the outcomes in a write, and a claim that is only a read, held in
   * memory until its outcome is stored, so that deliveries cost the single writer one statement
   * each. An outcome that fails to be stored is dropped, and its event is claimed again.
   */
  private List<WebhookEventRepository.Claimed> storeAndClaimHere(
      List<Outcome> finished, Instant now, int room, Set<OrgId> disabledIn) {
    try {
      if (!finished.isEmpty()) {
        database.write(
            () -> {
              store(finished, now, disabledIn);
              return null;
            });
      }
    } finally {
      finished.forEach(outcome -> claimedHere.remove(outcome.event().seq()));
    }
    if (room == 0) {
      return List.of();
    }
    List<WebhookEventRepository.Claimed> claimed =
        database.read(() -> events.due(now, room + claimedHere.size())).stream()
            .filter(event -> !claimedHere.contains(event.seq()))
            .limit(room)
            .toList();
    claimed.forEach(event -> claimedHere.add(event.seq()));
    return claimed;
  }

  private void deliverAll(List<WebhookEventRepository.Claimed> claimed) {
    if (claimed.isEmpty()) {
      return;
    }
    Set<String> webhookIds = new HashSet<>();
    Set<String> payloadIds = new HashSet<>();
    claimed.forEach(
        event -> {
          webhookIds.add(event.webhookId());
          payloadIds.add(event.payloadId());
        });
    Map<String, WebhookRepository.Target> targets = new HashMap<>();
    Map<String, String> payloads;
    try {
      payloads =
          database.read(
              () -> {
                webhooks.targets(webhookIds).forEach(t -> targets.put(t.id().value(), t));
                return events.payloads(payloadIds);
              });
    } catch (RuntimeException e) {
      claimed.forEach(this::release); // they run again, here or when their leases run out
      throw e;
    }
    for (WebhookEventRepository.Claimed event : claimed) {
      WebhookRepository.Target target = targets.get(event.webhookId());
      String payload = payloads.get(event.payloadId());
      if (target == null || payload == null) {
        release(event); // deleted meanwhile, and its events with it
        continue;
      }
      runs.execute(
          () -> {
            slots.acquireUninterruptibly();
            try {
              outcomes.add(deliver(event, payload, target));
            } finally {
              slots.release();
              held.decrementAndGet();
              wake();
            }
          });
    }
  }

  /** Gives up a claimed event before its delivery: it may be claimed again. */
  private void release(WebhookEventRepository.Claimed event) {
    held.decrementAndGet();
    if (claimedHere != null) {
      claimedHere.remove(event.seq());
    }
  }

  private Outcome deliver(
      WebhookEventRepository.Claimed event, String payload, WebhookRepository.Target target) {
    Instant at = clock.instant();
    long started = System.nanoTime();
    Integer status = null;
    String error = null;
    try {
      WebhookRequest request = WebhookRequest.of(event, payload, target, at);
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

  /** Within the write: what came of each attempt, and of each webhook's run of failures. */
  private void store(List<Outcome> finished, Instant now, Set<OrgId> disabledIn) {
    Set<String> deliveredTo = new HashSet<>();
    List<WebhookEventRepository.Delivery> deliveries = new ArrayList<>();
    for (Outcome outcome : finished) {
      var event = outcome.event();
      if (outcome.delivered()) {
        deliveries.add(
            new WebhookEventRepository.Delivery(
                event.seq(),
                event.tries(),
                outcome.attemptedAt(),
                outcome.statusCode(),
                outcome.durationMs()));
        deliveredTo.add(event.webhookId());
        continue;
      }
      events.failedAttempt(
          event.seq(),
          event.webhookId(),
          outcome.attemptedAt(),
          outcome.statusCode(),
          outcome.durationMs(),
          outcome.error());
      if (event.tries() < config.tries()) {
        events.retryLater(
            event.seq(), event.tries(), now.plus(backoff.after(event.tries())), outcome.error());
      } else {
        events.failed(event.seq(), event.tries(), outcome.error());
        if (webhooks.countFailedEvent(event.webhookId(), config.disableAfter())) {
          disabledIn.add(event.orgId());
        }
      }
    }
    events.delivered(deliveries);
    deliveredTo.forEach(webhooks::countDeliveredEvent);
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
    if (poller != null) {
      poller.close();
    }
    runs.shutdownNow();
  }

  /** The HTTP request of one attempt: the URL with LeadSquared's query, the body, the headers. */
  record WebhookRequest(String url, byte[] body, List<Map.Entry<String, String>> headers) {

    static WebhookRequest of(
        WebhookEventRepository.Claimed event,
        String payload,
        WebhookRepository.Target target,
        Instant at) {
      String body =
          target
              .contentType()
              .body(
                  payload,
                  target.contentType() == WebhookContentType.FORM
                      ? JsonValues.embedded(payload, "payload")
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
