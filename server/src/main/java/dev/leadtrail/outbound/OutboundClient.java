package dev.leadtrail.outbound;

import dev.leadtrail.config.LeadtrailConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Every request Leadtrail makes to other servers goes through here (file fetches, later webhooks
 * and callbacks). http and https only; each host is resolved once per connection and the connection
 * goes to the address that was checked, so a name cannot resolve to a public address for the check
 * and to an internal one for the connection; redirects (at most {@value #MAX_REDIRECTS}) are
 * followed by hand and checked again; connecting, the whole exchange and the size of the body are
 * bounded. Thread-safe.
 */
public final class OutboundClient implements AutoCloseable {

  /** How much of a POST's answer is read so that its connection can be used again. */
  private static final int ANSWER_READ_BYTES = 64 * 1024;

  static final int MAX_REDIRECTS = 3;

  private final HttpClient http;
  private final CheckedResolver resolver;
  private final long timeoutMillis;

  private OutboundClient(HttpClient http, CheckedResolver resolver, long timeoutMillis) {
    this.http = http;
    this.resolver = resolver;
    this.timeoutMillis = timeoutMillis;
  }

  public static OutboundClient start(LeadtrailConfig.Outbound config, HostResolver resolver) {
    AddressPolicy policy = AddressPolicy.allowing(config.allowHosts());
    var checked = new CheckedResolver(policy, resolver);
    var http = new HttpClient();
    http.setSocketAddressResolver(checked);
    http.setFollowRedirects(false);
    http.setConnectTimeout(config.connectTimeout().toMillis());
    http.setIdleTimeout(config.timeout().toMillis());
    http.setUserAgentField(null);
    http.setMaxConnectionsPerDestination(16);
    try {
      http.start();
    } catch (Exception e) {
      throw new IllegalStateException("the outbound HTTP client did not start", e);
    }
    return new OutboundClient(http, checked, config.timeout().toMillis());
  }

  /**
   * Whether a request to {@code url} would be made: a well-formed http(s) URL whose host resolves
   * to addresses the guard allows now (a callback URL is checked when it is given, and again when
   * it is called).
   */
  public void requireAllowed(String url) throws OutboundFailure {
    URI uri = checkedUri(url);
    try {
      resolver.checkedAddresses(uri.getHost());
    } catch (RefusedAddressException e) {
      throw new OutboundFailure(OutboundFailure.Reason.REFUSED_ADDRESS, e.getMessage());
    } catch (UnknownHostException e) {
      throw new OutboundFailure(
          OutboundFailure.Reason.UNREACHABLE, uri.getHost() + " is not a known host");
    }
  }

  /** POSTs {@code body} to {@code url} (no redirect followed); answers the HTTP status. */
  public int post(String url, String contentType, byte[] body) throws OutboundFailure {
    return post(url, contentType, body, List.of());
  }

  /**
   * POSTs {@code body} to {@code url} with {@code headers} besides (a name may come more than
   * once), following no redirect; answers the HTTP status.
   */
  public int post(
      String url, String contentType, byte[] body, List<Map.Entry<String, String>> headers)
      throws OutboundFailure {
    URI uri = checkedUri(url);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    var listener = new InputStreamResponseListener();
    http.newRequest(uri)
        .method(HttpMethod.POST)
        .headers(all -> headers.forEach(header -> all.add(header.getKey(), header.getValue())))
        .body(new BytesRequestContent(contentType, body))
        .timeout(remainingMillis(deadline, uri), TimeUnit.MILLISECONDS)
        .send(listener);
    Response response = awaitHeaders(listener, deadline, uri);
    drainAnswer(listener);
    return response.getStatus();
  }

  /** Reads a short answer to its end, so that the connection is kept for the next request. */
  private static void drainAnswer(InputStreamResponseListener listener) {
    try (InputStream in = listener.getInputStream()) {
      in.readNBytes(ANSWER_READ_BYTES);
    } catch (IOException e) {
      // The answer's status is all that is wanted; a broken body only costs the connection.
    }
  }

  /** GETs {@code url}, following redirects, and reads its body whole, at most {@code maxBytes}. */
  public Fetched get(String url, long maxBytes) throws OutboundFailure {
    URI uri = checkedUri(url);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (int redirects = 0; ; redirects++) {
      Request request =
          http.newRequest(uri)
              .method(HttpMethod.GET)
              .timeout(remainingMillis(deadline, uri), TimeUnit.MILLISECONDS);
      var listener = new InputStreamResponseListener();
      request.send(listener);
      Response response = awaitHeaders(listener, deadline, uri);
      int status = response.getStatus();
      String location = response.getHeaders().get(HttpHeader.LOCATION);
      if (isRedirect(status) && location != null) {
        closeQuietly(listener);
        if (redirects == MAX_REDIRECTS) {
          throw new OutboundFailure(
              OutboundFailure.Reason.TOO_MANY_REDIRECTS,
              uri.getHost() + " redirected more than " + MAX_REDIRECTS + " times");
        }
        uri = checkedUri(uri.resolve(location.strip()).toString());
        continue;
      }
      if (status < 200 || status > 299) {
        closeQuietly(listener);
        throw new OutboundFailure(
            OutboundFailure.Reason.HTTP_STATUS, uri.getHost() + " answered HTTP " + status);
      }
      long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
      if (declared > maxBytes) {
        closeQuietly(listener);
        throw tooLarge(uri, maxBytes);
      }
      byte[] content = readBounded(listener, uri, maxBytes);
      return new Fetched(
          content,
          response.getHeaders().get(HttpHeader.CONTENT_TYPE),
          SuggestedName.of(response.getHeaders().get(HttpHeader.CONTENT_DISPOSITION), uri));
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** A URL Leadtrail may request at all: absolute, http or https, with a host. */
  static URI checkedUri(String url) throws OutboundFailure {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new OutboundFailure(OutboundFailure.Reason.BAD_URL, "the URL is not well formed");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new OutboundFailure(
          OutboundFailure.Reason.BAD_URL, "only http and https URLs are fetched");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
      throw new OutboundFailure(
          OutboundFailure.Reason.BAD_URL, "the URL must name a host, without a user or password");
    }
    return uri;
  }

  private static long remainingMillis(long deadline, URI uri) throws OutboundFailure {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0) {
      throw timedOut(uri);
    }
    return left;
  }

  private static Response awaitHeaders(InputStreamResponseListener listener, long deadline, URI uri)
      throws OutboundFailure {
    try {
      return listener.get(remainingMillis(deadline, uri), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      closeQuietly(listener);
      throw timedOut(uri);
    } catch (ExecutionException e) {
      throw failureOf(e.getCause(), uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw timedOut(uri);
    }
  }

  private static byte[] readBounded(InputStreamResponseListener listener, URI uri, long maxBytes)
      throws OutboundFailure {
    try (InputStream in = listener.getInputStream()) {
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (content.length > maxBytes) {
        throw tooLarge(uri, maxBytes);
      }
      return content;
    } catch (IOException e) {
      throw failureOf(e, uri);
    }
  }

  private static OutboundFailure failureOf(Throwable failure, URI uri) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RefusedAddressException refused) {
        return new OutboundFailure(OutboundFailure.Reason.REFUSED_ADDRESS, refused.getMessage());
      }
      if (cause instanceof TimeoutException) {
        return timedOut(uri);
      }
      if (cause instanceof UnknownHostException) {
        return new OutboundFailure(
            OutboundFailure.Reason.UNREACHABLE, uri.getHost() + " is not a known host");
      }
    }
    return new OutboundFailure(
        OutboundFailure.Reason.UNREACHABLE, uri.getHost() + " could not be reached");
  }

  private static OutboundFailure timedOut(URI uri) {
    return new OutboundFailure(
        OutboundFailure.Reason.TIMED_OUT, uri.getHost() + " did not answer in time");
  }

  private static OutboundFailure tooLarge(URI uri, long maxBytes) {
    return new OutboundFailure(
        OutboundFailure.Reason.TOO_LARGE,
        "the file at " + uri.getHost() + " is larger than the limit of " + maxBytes + " bytes");
  }

  private static void closeQuietly(InputStreamResponseListener listener) {
    try {
      listener.close();
    } catch (IOException e) {
      // The exchange is abandoned either way.
    }
  }

  @Override
  public void close() {
    try {
      http.stop();
    } catch (Exception e) {
      // Stopping: nothing is left to do with it.
    }
  }

  /** A connection's host may go only to addresses the policy allows. */
  static final class RefusedAddressException extends UnknownHostException {

    RefusedAddressException(String host) {
      super(host + " is an internal address, which Leadtrail does not fetch from");
    }
  }

  private record CheckedResolver(AddressPolicy policy, HostResolver resolver)
      implements SocketAddressResolver {

    /** The host's addresses, each one the policy allows (or the host allowed by name). */
    List<InetAddress> checkedAddresses(String host) throws UnknownHostException {
      String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      List<InetAddress> addresses =
          AddressPolicy.isLiteral(bare)
              ? List.of(AddressPolicy.literal(bare))
              : resolver.resolve(bare);
      if (!policy.allowsHost(bare)) {
        for (InetAddress address : addresses) {
          if (!policy.allows(address)) {
            throw new RefusedAddressException(host);
          }
        }
      }
      return addresses;
    }

    @Override
    public void resolve(
        String host,
        int port,
        Map<String, Object> context,
        Promise<List<InetSocketAddress>> promise) {
      try {
        List<InetAddress> addresses = checkedAddresses(host);
        promise.succeeded(
            addresses.stream().map(address -> new InetSocketAddress(address, port)).toList());
      } catch (UnknownHostException | RuntimeException e) {
        promise.failed(e);
      }
    }
  }
}
