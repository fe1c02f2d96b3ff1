package dev.leadtrail.http;

import java.util.List;

/**
 * A feature's operations. Each feature has one implementation, named XxxEndpoints; {@code C} is the
 * caller its {@link CallGate} proves.
 */
public interface ApiEndpoints<C> {

  List<ApiRoute<C>> routes();
}
