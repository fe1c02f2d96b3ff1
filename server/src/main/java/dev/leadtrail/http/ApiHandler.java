package dev.leadtrail.http;

/** One API operation: reads what it needs from the call, asks one service, answers. */
@FunctionalInterface
public interface ApiHandler<C> {

  void handle(ApiCall<C> call);
}
