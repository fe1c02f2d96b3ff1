package dev.leadtrail.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code leadtrail serve} in a process of its own, on the test's class path, over a {@link
 * TestDatabase}: for tests that stop or kill an instance as an operator's machine would.
 */
public final class ChildServer implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final String baseUrl;

  private ChildServer(Process process, Path log, String baseUrl) {
    this.process = process;
    this.log = log;
    this.baseUrl = baseUrl;
  }

  /** Starts it with {@code flags} added to the test's own, and waits until it is ready. */
  public static ChildServer start(TestDatabase database, Path log, String... flags) {
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.leadtrail.cli.LeadtrailCommand",
                "serve",
                "--database.url=" + database.config().url(),
                "--database.user=" + database.config().user(),
                "--server.bind=127.0.0.1",
                "--server.port=" + port,
                "--management.port=-1",
                "--ratelimit.calls=1000000",
                "--ratelimit.window-seconds=1"));
    command.addAll(List.of(flags));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var child = new ChildServer(process, log, "http://127.0.0.1:" + port);
    try {
      Eventually.await("the child instance is ready", Duration.ofSeconds(60), child::isReady);
    } catch (AssertionError e) {
      child.close();
      throw new AssertionError(e.getMessage() + "\n" + child.log(), e);
    }
    return child;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Process process() {
    return process;
  }

  /** SIGKILL: the process stops at once, finishing nothing. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private boolean isReady() {
    try {
      var response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the child would not stop:\n" + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
