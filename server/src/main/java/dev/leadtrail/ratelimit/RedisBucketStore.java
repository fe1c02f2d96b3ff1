package dev.leadtrail.ratelimit;

import dev.leadtrail.value.RateLimit;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/**
 * Buckets every instance shares in Redis, through Bucket4j's compare-and-swap backend: each call is
 * one round trip to Redis. Thread-safe.
 */
final class RedisBucketStore implements BucketStore {

  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final ProxyManager<String> buckets;

  RedisBucketStore(String url) {
    this.client = RedisClient.create(url);
    this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    this.buckets = Bucket4jLettuce.casBasedBuilder(connection).build();
  }

  @Override
  public Duration trySpend(String key, RateLimit limit) {
    return Bucket4jBuckets.trySpend(
        buckets.getProxy(key, () -> Bucket4jBuckets.configuration(limit)));
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
