package dev.leadtrail.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.error.RateLimitedException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.org.Organisation;
import dev.leadtrail.value.RateClass;
import dev.leadtrail.value.RateLimit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class LocalBucketRateLimiterTest {

  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final BucketRateLimiter limiter =
      new BucketRateLimiter(
          ConfigLoader.defaultConfig().rateLimits(), new LocalBucketStore(), metrics);

  @Test
  void bulkCalls_haveABudgetOfTheirOwn() {
    Organisation organisation = organisation(null, null);
    for (int i = 0; i < 25; i++) {
      limiter.acquire(organisation, RateClass.STANDARD);
    }

    assertThatCode(() -> limiter.acquire(organisation, RateClass.BULK)).doesNotThrowAnyException();
    assertThatThrownBy(() -> limiter.acquire(organisation, RateClass.BULK))
        .isInstanceOf(RateLimitedException.class)
        .hasMessage("API calls exceeded the limit of 1 in 5 second(s)");
    assertThatThrownBy(() -> limiter.acquire(organisation, RateClass.STANDARD))
        .isInstanceOf(RateLimitedException.class);
    assertThat(metrics.counter("leadtrail.ratelimit.rejections", "class", "bulk").count())
        .isEqualTo(1);
    assertThat(metrics.counter("leadtrail.ratelimit.rejections", "class", "standard").count())
        .isEqualTo(1);
  }

  @Test
  void aChangedLimit_takesEffectWithAFreshBudget() {
    OrgId id = OrgId.random();
    Organisation tight =
        new Organisation(id, "1", "Tight", "UTC", RateLimit.of(1, 60), null, false);
    limiter.acquire(tight, RateClass.STANDARD);
    assertThatThrownBy(() -> limiter.acquire(tight, RateClass.STANDARD))
        .isInstanceOf(RateLimitedException.class);

    Organisation loosened =
        new Organisation(id, "1", "Tight", "UTC", RateLimit.of(2, 60), null, false);

    assertThatCode(() -> limiter.acquire(loosened, RateClass.STANDARD)).doesNotThrowAnyException();
  }

  private static Organisation organisation(RateLimit standard, RateLimit bulk) {
    return new Organisation(OrgId.random(), "10001", "Test", "UTC", standard, bulk, false);
  }
}
