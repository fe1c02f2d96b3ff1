package dev.leadtrail.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request head (request line and headers) has been arriving for longer
 * than the read timeout. Jetty parses heads without a thread, and its idle timeout restarts with
 * every byte, so a head sent a byte at a time would otherwise hold its connection for good. Once a
 * second it looks at each connection's parser: a head still in progress, of the same request as a
 * second before, is timed from when it was first seen.
 */
final class SlowHeads extends AbstractLifeCycle implements Connection.Listener {

  private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** A head first seen in progress at {@code since}, for the {@code messages}-th request. */
  private record Head(long messages, long since) {}

  private static final Head NONE = new Head(-1, 0);

  private final Connector connector;
  private final long timeoutNanos;
  private final Map<HttpConnection, Head> open = new ConcurrentHashMap<>();
  private volatile Scheduler.Task sweep;

  SlowHeads(Connector connector, Duration timeout) {
    this.connector = connector;
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      open.put(http, NONE);
    }
  }

  @Override
  public void onClosed(Connection connection) {
    if (connection instanceof HttpConnection http) {
      open.remove(http);
    }
  }

  @Override
  protected void doStart() {
    scheduleSweep();
  }

  @Override
  protected void doStop() {
    Scheduler.Task task = sweep;
    if (task != null) {
      task.cancel();
    }
  }

  private void scheduleSweep() {
    sweep = connector.getScheduler().schedule(this::sweep, SWEEP_NANOS, TimeUnit.NANOSECONDS);
  }

  private void sweep() {
    long now = NanoTime.now();
    open.replaceAll((connection, head) -> next(connection, head, now));
    if (isRunning()) {
      scheduleSweep();
    }
  }

  private Head next(HttpConnection connection, Head head, long now) {
    HttpParser parser = connection.getParser();
    if (parser.isStart() || !parser.inHeaderState()) {
      return NONE;
    }
    long messages = connection.getMessagesIn();
    if (head == NONE || head.messages() != messages) {
      return new Head(messages, now);
    }
    if (NanoTime.elapsed(head.since(), now) > timeoutNanos) {
      connection.getEndPoint().close();
    }
    return head;
  }
}
