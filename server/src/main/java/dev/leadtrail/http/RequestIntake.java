package dev.leadtrail.http;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.ErrorType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The door every request passes before Javalin: it caps the requests one client address has in
 * flight, and gives reading each request (headers and body) a deadline and, after {@link #GRACE}, a
 * minimum data rate. Placed in front of Jetty's eager content loading, it means a client that
 * trickles its body holds no request thread, only a connection, and only until its deadline, after
 * which it is answered with a clean error.
 */
final class RequestIntake extends Handler.Wrapper {

  /** How long a request may arrive at any pace before its rate is checked. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final LeadtrailConfig.ClientLimits limits;
  private final ConcurrencyCap<String> requestsPerAddress;
  private final Json json;
  private final AccessLog accessLog;

  RequestIntake(LeadtrailConfig.ClientLimits limits, Json json, AccessLog accessLog, Handler next) {
    super(next);
    this.limits = limits;
    this.requestsPerAddress = new ConcurrencyCap<>(limits.requestsPerAddress());
    this.json = json;
    this.accessLog = accessLog;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String address = Request.getRemoteAddr(request);
    if (!requestsPerAddress.tryTake(address)) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      refuse(
          request,
          response,
          callback,
          429,
          ErrorBody.of(
              ErrorType.RATE_LIMIT_EXCEEDED,
              "Too many requests from one address are in flight (at most "
                  + requestsPerAddress.cap()
                  + "); send the next when one has been answered."));
      return true;
    }
    DeadlineRequest reading = hasBody(request) ? new DeadlineRequest(request) : null;
    Runnable done =
        () -> {
          if (reading != null) {
            reading.finish();
          }
          requestsPerAddress.release(address);
        };
    boolean handled = false;
    try {
      if (NanoTime.since(request.getBeginNanoTime()) >= limits.readTimeout().toNanos()) {
        refuse(request, response, callback, 400, ErrorBody.of(ErrorType.INVALID_INPUT, late()));
        return true;
      }
      handled =
          super.handle(
              reading == null ? request : reading, response, Callback.from(callback, done));
      return handled;
    } finally {
      if (!handled) {
        done.run();
      }
    }
  }

  private static boolean hasBody(Request request) {
    return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  private String late() {
    return "The request did not arrive whole within "
        + limits.readTimeout().toSeconds()
        + " seconds.";
  }

  private void refuse(
      Request request, Response response, Callback callback, int status, ErrorBody body) {
    long begin = request.getBeginNanoTime();
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    JettyErrorHandler.write(json, response, callback, status, body);
    accessLog.logRefused(request, status, NanoTime.millisSince(begin));
  }

  /** Why a request's body stopped being read: told to the client as a malformed request. */
  static final class ReadTooSlowException extends TimeoutException {

    ReadTooSlowException(String message) {
      super(message);
    }
  }

  /**
   * The request as the next handlers read it: once the deadline has passed, or the body arrives
   * slower than the minimum rate, every read gives a failure, and a read waiting for data is woken
   * to see it.
   */
  private final class DeadlineRequest extends Request.Wrapper {

    private final long begin = getBeginNanoTime();
    private final AtomicReference<Runnable> waiting = new AtomicReference<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Content.Chunk failure;
    private volatile long bodyBytes;
    private Scheduler.Task tick;

    DeadlineRequest(Request request) {
      super(request);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk failed = failure;
      if (failed != null) {
        return failed;
      }
      Content.Chunk chunk = super.read();
      if (chunk != null) {
        bodyBytes += chunk.remaining();
        if (chunk.isLast()) {
          finish();
        }
      }
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      if (failure != null) {
        demandCallback.run();
        return;
      }
      var once = new AtomicBoolean();
      Runnable wake =
          Invocable.from(
              Invocable.getInvocationType(demandCallback),
              () -> {
                if (once.compareAndSet(false, true)) {
                  demandCallback.run();
                }
              });
      waiting.set(wake);
      startChecks();
      super.demand(wake);
    }

    /**
     * Starts the checks when the body did not come with the headers: most bodies do, and are read
     * whole without a timer ever being set.
     */
    private synchronized void startChecks() {
      if (tick == null) {
        long sinceBegin = NanoTime.since(begin);
        schedule(Math.min(GRACE.toNanos(), limits.readTimeout().toNanos()) - sinceBegin);
      }
    }

    /** The whole request has been read, or answered: no more checks. */
    void finish() {
      if (finished.compareAndSet(false, true)) {
        Scheduler.Task task;
        synchronized (this) {
          task = tick;
        }
        if (task != null) {
          task.cancel();
        }
      }
    }

    private synchronized void schedule(long delayNanos) {
      if (!finished.get()) {
        tick =
            getComponents()
                .getScheduler()
                .schedule(this::check, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
      }
    }

    private void check() {
      if (finished.get()) {
        return;
      }
      long elapsed = NanoTime.since(begin);
      long timeout = limits.readTimeout().toNanos();
      if (elapsed >= timeout) {
        fail(late());
      } else if (limits.minReadBytesPerSecond() > 0
          && elapsed >= GRACE.toNanos()
          && bodyBytes * 1_000_000_000.0 / elapsed < limits.minReadBytesPerSecond()) {
        fail(
            "The request body arrived slower than "
                + limits.minReadBytesPerSecond()
                + " bytes a second.");
      } else {
        schedule(Math.min(TICK_NANOS, timeout - elapsed));
      }
    }

    private void fail(String message) {
      failure = Content.Chunk.from(new ReadTooSlowException(message), true);
      Runnable wake = waiting.getAndSet(null);
      if (wake != null) {
        wake.run();
      }
    }
  }
}
