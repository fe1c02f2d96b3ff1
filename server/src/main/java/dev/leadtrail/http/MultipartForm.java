package dev.leadtrail.http;

import dev.leadtrail.error.MalformedRequestException;
import dev.leadtrail.value.StorableText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

/**
 * A {@code multipart/form-data} body, parsed whole in memory: its text fields and its files, by
 * part name (matched ignoring case, as LeadSquared's clients spell them). Immutable.
 */
public final class MultipartForm {

  /** One file part: the name the client gave it, as sent (clean it before use). */
  public record FilePart(String partName, String fileName, String contentType, byte[] content) {}

  private record TextPart(String name, String value) {}

  private static final int MAX_PARTS = 64;
  private static final int MAX_FIELD_CHARS = 4_096;

  private final List<TextPart> fields;
  private final List<FilePart> files;

  private MultipartForm(List<TextPart> fields, List<FilePart> files) {
    this.fields = List.copyOf(fields);
    this.files = List.copyOf(files);
  }

  /** Parses {@code body}, sent with {@code contentType}; a body that is not such a form is bad. */
  static MultipartForm parse(String contentType, byte[] body) {
    String mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
    if (!mediaType.equals("multipart/form-data") || boundary == null || boundary.isEmpty()) {
      throw new MalformedRequestException(
          "The request body must be sent as Content-Type multipart/form-data with a boundary"
              + (contentType == null ? "." : ", not " + mediaType + "."));
    }
    var parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxParts(MAX_PARTS);
    parser.setMaxLength(body.length);
    parser.setMaxMemoryFileSize(body.length);
    MultiPartFormData.Parts parts;
    try {
      parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body))).get();
    } catch (ExecutionException e) {
      throw new MalformedRequestException(
          "The multipart body could not be read: it is cut short, malformed, or has more than "
              + MAX_PARTS
              + " parts.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MalformedRequestException("The multipart body could not be read whole.");
    }
    try (parts) {
      var fields = new ArrayList<TextPart>();
      var files = new ArrayList<FilePart>();
      for (MultiPart.Part part : parts) {
        String name = part.getName() == null ? "" : part.getName();
        if (part.getFileName() != null) {
          files.add(
              new FilePart(
                  name,
                  part.getFileName(),
                  part.getHeaders().get(HttpHeader.CONTENT_TYPE),
                  bytesOf(part)));
        } else {
          fields.add(new TextPart(name, textOf(name, part)));
        }
      }
      return new MultipartForm(fields, files);
    }
  }

  private static byte[] bytesOf(MultiPart.Part part) {
    try (InputStream in = Content.Source.asInputStream(part.getContentSource())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new MalformedRequestException("The multipart body could not be read whole.");
    }
  }

  private static String textOf(String name, MultiPart.Part part) {
    if (part.getLength() > MAX_FIELD_CHARS * 4L) {
      throw new MalformedRequestException(
          "The form field " + name + " is longer than " + MAX_FIELD_CHARS + " characters.");
    }
    String value = part.getContentAsString(StandardCharsets.UTF_8);
    if (value.length() > MAX_FIELD_CHARS || !StorableText.isStorable(value)) {
      throw new MalformedRequestException(
          "The form field "
              + name
              + " must be text of at most "
              + MAX_FIELD_CHARS
              + " characters, without NUL.");
    }
    return value;
  }

  /** The first text field of this name, ignoring case. */
  public Optional<String> field(String name) {
    return fields.stream()
        .filter(field -> ApiCall.equalsIgnoringAsciiCase(field.name(), name))
        .map(TextPart::value)
        .findFirst();
  }

  /** Every file part, in the order sent. */
  public List<FilePart> files() {
    return files;
  }
}
