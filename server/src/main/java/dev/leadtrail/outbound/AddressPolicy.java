package dev.leadtrail.outbound;

import dev.leadtrail.config.ConfigException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses Leadtrail may connect to: public ones, and those the operator allows by host
 * name, address or CIDR range ({@code outbound.allow-hosts}). Loopback, link-local (the cloud
 * metadata address among them), private, carrier-grade NAT, multicast, unspecified and reserved
 * addresses are internal, and so are IPv6 forms that embed one of them. Immutable.
 */
final class AddressPolicy {

  private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

  /** An address range: the first {@code bits} bits of {@code network}. */
  private record Range(byte[] network, int bits) {

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final List<Range> INTERNAL_V4 =
      List.of(
          range("0.0.0.0", 8),
          range("10.0.0.0", 8),
          range("100.64.0.0", 10),
          range("127.0.0.0", 8),
          range("169.254.0.0", 16),
          range("172.16.0.0", 12),
          range("192.0.0.0", 24),
          range("192.168.0.0", 16),
          range("198.18.0.0", 15),
          range("224.0.0.0", 4),
          range("240.0.0.0", 4));

  private static final List<Range> INTERNAL_V6 =
      List.of(
          range("::", 128),
          range("::1", 128),
          range("fc00::", 7),
          range("fe80::", 10),
          range("fec0::", 10),
          range("ff00::", 8));

  private final Set<String> hosts;
  private final List<Range> ranges;

  private AddressPolicy(Set<String> hosts, List<Range> ranges) {
    this.hosts = Set.copyOf(hosts);
    this.ranges = List.copyOf(ranges);
  }

  /** From {@code outbound.allow-hosts}; an entry that is neither a name nor a range is refused. */
  static AddressPolicy allowing(List<String> entries) {
    Set<String> hosts = new HashSet<>();
    List<Range> ranges = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String entry : entries) {
      String text = entry.strip().toLowerCase(Locale.ROOT);
      try {
        if (text.contains("/")) {
          String[] parts = text.split("/", 2);
          InetAddress network = literal(parts[0]);
          int bits = Integer.parseInt(parts[1]);
          if (bits < 0 || bits > network.getAddress().length * 8) {
            throw new NumberFormatException();
          }
          ranges.add(new Range(network.getAddress(), bits));
        } else if (isLiteral(text)) {
          InetAddress address = literal(text);
          ranges.add(new Range(address.getAddress(), address.getAddress().length * 8));
        } else if (text.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
          hosts.add(text);
        } else {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException | UnknownHostException e) {
        problems.add(
            "outbound.allow-hosts holds '"
                + entry
                + "', which is neither a host name, an address nor a CIDR range");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new AddressPolicy(hosts, ranges);
  }

  /** Whether the operator allowed this host by name: then any address it resolves to is taken. */
  boolean allowsHost(String host) {
    return hosts.contains(host.toLowerCase(Locale.ROOT));
  }

  boolean allows(InetAddress address) {
    for (Range range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return !isInternal(address);
  }

  static boolean isInternal(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      InetAddress embedded = embeddedV4(v6.getAddress());
      if (embedded != null) {
        return isInternal(embedded);
      }
      return INTERNAL_V6.stream().anyMatch(range -> range.contains(address));
    }
    return INTERNAL_V4.stream().anyMatch(range -> range.contains(address))
        || address.getHostAddress().equals("255.255.255.255");
  }

  /**
   * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code
   * ::a.b.c.d}) or NAT64 ({@code 64:ff9b::a.b.c.d}) address, or null.
   */
  private static InetAddress embeddedV4(byte[] b) {
    boolean mapped = zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeros(b, 0, 12) && !(zeros(b, 12, 15) && (b[15] == 0 || b[15] == 1));
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b
            && zeros(b, 4, 12);
    if (!mapped && !compatible && !nat64) {
      return null;
    }
    try {
      return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an IPv4 address", e);
    }
  }

  private static boolean zeros(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isLiteral(String host) {
    return host.contains(":") || IPV4_LITERAL.matcher(host).matches();
  }

  /** An address written as one: never looked up in DNS. */
  static InetAddress literal(String text) throws UnknownHostException {
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (!isLiteral(bare)) {
      throw new UnknownHostException("not an address");
    }
    return InetAddress.getByName(bare);
  }

  private static Range range(String network, int bits) {
    try {
      return new Range(InetAddress.getByName(network).getAddress(), bits);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
