package dev.leadtrail.http;

import dev.leadtrail.ratelimit.ConcurrencyCap;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.io.Connection;

/**
 * Closes a new connection at once when its client address already holds {@code
 * server.max-connections-per-address} open ones, so that one client cannot take every connection
 * the server can keep.
 */
final class ConnectionsPerAddress implements Connection.Listener {

  private final ConcurrencyCap<String> open;

  ConnectionsPerAddress(int cap) {
    this.open = new ConcurrencyCap<>(cap);
  }

  @Override
  public void onOpened(Connection connection) {
    if (open.take(address(connection)) > open.cap()) {
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    open.release(address(connection));
  }

  private static String address(Connection connection) {
    SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : String.valueOf(remote);
  }
}
