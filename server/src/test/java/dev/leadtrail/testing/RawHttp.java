package dev.leadtrail.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** HTTP as bytes on a socket, for requests no HTTP client would send. */
public final class RawHttp {

  private RawHttp() {}

  /** Sends {@code request} as it is on a new connection and reads the one answer. */
  public static String exchange(int port, String request) throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return readAnswer(socket.getInputStream());
    }
  }

  /**
   * One answer: its head and as much body as its Content-Length gives, or what came before the
   * server closed or reset the connection.
   */
  public static String readAnswer(InputStream in) throws IOException {
    var text = new StringBuilder();
    byte[] buffer = new byte[8192];
    try {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
        if (complete(text)) {
          break;
        }
      }
    } catch (java.net.SocketException e) {
      // a reset after the answer: what was read is the answer
    }
    return text.toString();
  }

  private static boolean complete(StringBuilder text) {
    int head = text.indexOf("\r\n\r\n");
    if (head < 0) {
      return false;
    }
    String headers = text.substring(0, head).toLowerCase(Locale.ROOT);
    int at = headers.indexOf("content-length:");
    if (at < 0) {
      return false;
    }
    int end = headers.indexOf("\r\n", at);
    int length = Integer.parseInt(headers.substring(at + 15, end < 0 ? head : end).strip());
    return text.length() - head - 4 >= length;
  }
}
