package dev.leadtrail.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} with the secrets of any query it quotes hidden, whichever logger wrote it (Jetty
 * quotes whole request URIs in some warnings).
 */
public final class RedactingMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Redaction.redactText(super.convert(event));
  }
}
