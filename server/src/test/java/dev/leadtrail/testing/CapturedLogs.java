package dev.leadtrail.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Every log event of the process while open, as the text an operator would read. */
public final class CapturedLogs implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public CapturedLogs() {
    appender.start();
    root.addAppender(appender);
  }

  public List<String> lines() {
    synchronized (appender.list) {
      return appender.list.stream().map(CapturedLogs::text).toList();
    }
  }

  /**
   * Every line as the shipped configuration writes it to standard output, through the console
   * appender's own layout (its redaction included).
   */
  public List<String> renderedLines() {
    var console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
    var layout = ((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout();
    synchronized (appender.list) {
      return appender.list.stream().map(layout::doLayout).toList();
    }
  }

  /**
   * Waits until a line matches: the access log is written once the answer has gone out, so it may
   * follow the client's view of the response by a moment.
   */
  public String awaitLine(Predicate<String> matches) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines()) {
        if (matches.test(line)) {
          return line;
        }
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    throw new AssertionError("no log line matched; lines were:\n" + String.join("\n", lines()));
  }

  private static String text(ILoggingEvent event) {
    String text =
        event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage();
    return event.getThrowableProxy() == null
        ? text
        : text + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
