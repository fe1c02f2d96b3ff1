package dev.leadtrail.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;

/**
 * Closes a new connection at once when its client address already holds {@code
 * server.max-connections-per-address} open ones, so that one client cannot take every connection
 * the server can keep.
 */
final class ConnectionsPerAddress implements Connection.Listener {

  private final ConcurrencyCap<String> open;

  /** Each open connection's address: a closed socket no longer tells it. */
  private final Map<Connection, String> addresses = new ConcurrentHashMap<>();

  ConnectionsPerAddress(int cap) {
    this.open = new ConcurrencyCap<>(cap);
  }

  @Override
  public void onOpened(Connection connection) {
    String address = address(connection);
    addresses.put(connection, address);
    if (open.take(address) > open.cap()) {
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    String address = addresses.remove(connection);
    if (address != null) {
      open.release(address);
    }
  }

  private static String address(Connection connection) {
    SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : String.valueOf(remote);
  }
}
