package dev.leadtrail.outbound;

/**
 * A body fetched whole: its bytes, the media type the server named (or null), and the file name it
 * suggested or its URL's last segment (as sent: clean it before use; may be empty).
 */
public record Fetched(byte[] content, String contentType, String suggestedName) {}
