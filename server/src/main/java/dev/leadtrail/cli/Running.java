package dev.leadtrail.cli;

import dev.leadtrail.Leadtrail;
import java.util.concurrent.CountDownLatch;

/** Keeps a started server running until the process is asked to stop, then closes it. */
final class Running {

  private Running() {}

  static void untilStopped(Leadtrail leadtrail) throws InterruptedException {
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  leadtrail.close();
                  stopped.countDown();
                },
                "leadtrail-shutdown"));
    stopped.await();
  }
}
