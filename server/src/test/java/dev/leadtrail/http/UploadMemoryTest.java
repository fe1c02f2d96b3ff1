package dev.leadtrail.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadMemoryTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void theLargestUploadFits_andTheRoomIsSharedUntilGivenBack() {
    var memory = new UploadMemory(25 * MIB, Duration.ofMillis(20));

    assertThat(memory.tryTake(25 * MIB)).as("the largest upload").isTrue();
    assertThat(memory.tryTake(16 * MIB)).as("beside it, the headroom").isTrue();
    assertThat(memory.tryTake(1)).as("nothing more").isFalse();

    memory.release(25 * MIB);

    assertThat(memory.tryTake(10 * MIB)).isTrue();
  }

  @Test
  void aWaitingUploadGetsRoomFreedMeanwhile() throws Exception {
    var memory = new UploadMemory(MIB, Duration.ofSeconds(5));
    assertThat(memory.tryTake(MIB + UploadMemory.HEADROOM_BYTES)).isTrue();

    Thread releaser =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                  memory.release(MIB);
                });

    assertThat(memory.tryTake(MIB)).isTrue();
    releaser.join();
  }
}
