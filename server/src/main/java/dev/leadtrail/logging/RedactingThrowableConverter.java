package dev.leadtrail.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** {@code %ex} with the secrets of any query that an exception's message quotes hidden. */
public final class RedactingThrowableConverter extends ThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return Redaction.redactText(super.throwableProxyToString(proxy));
  }
}
