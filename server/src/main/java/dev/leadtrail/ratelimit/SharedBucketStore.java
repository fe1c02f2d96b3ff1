package dev.leadtrail.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import javax.sql.DataSource;

/**
 * Buckets every instance shares, through Bucket4j's PostgreSQL (one row per bucket, changed under
 * SELECT ... FOR UPDATE) or Redis (compare-and-swap) backends. Each consumption is one round trip
 * to the store. Thread-safe.
 */
final class SharedBucketStore implements BucketStore {

  private final ProxyManager<String> buckets;
  private final AutoCloseable connection;

  private SharedBucketStore(ProxyManager<String> buckets, AutoCloseable connection) {
    this.buckets = buckets;
    this.connection = connection;
  }

  static SharedBucketStore postgres(DataSource dataSource) {
    ProxyManager<String> buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .build();
    return new SharedBucketStore(buckets, () -> {});
  }

  static SharedBucketStore redis(String url) {
    RedisClient client = RedisClient.create(url);
    StatefulRedisConnection<String, byte[]> connection =
        client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    ProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection).build();
    return new SharedBucketStore(
        buckets,
        () -> {
          connection.close();
          client.shutdown();
        });
  }

  @Override
  public Bucket bucket(String key, BucketConfiguration configuration) {
    return buckets.getProxy(key, () -> configuration);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (Exception e) {
      throw new IllegalStateException("the rate-limit store did not close cleanly", e);
    }
  }
}
