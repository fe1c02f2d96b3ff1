package dev.leadtrail.http;

import java.util.List;

/** A feature's operations. Each feature has one implementation, named XxxEndpoints. */
public interface ApiEndpoints {

  List<ApiRoute> routes();
}
