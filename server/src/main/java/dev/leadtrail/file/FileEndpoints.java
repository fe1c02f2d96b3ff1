package dev.leadtrail.file;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiCall;
import dev.leadtrail.http.ApiEndpoints;
import dev.leadtrail.http.ApiRoute;
import dev.leadtrail.user.Caller;
import java.util.List;

/**
 * Uploads and downloads (contract section 8), at {@code /File/...} as LeadSquared's file host
 * serves them, and under {@code /v2/} as well.
 */
public final class FileEndpoints implements ApiEndpoints<Caller> {

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Uploaded(
      @JsonProperty("Status") String status,
      @JsonProperty("uploadedFile") String uploadedFile,
      @JsonProperty("relativeFilePath") String relativeFilePath,
      @JsonProperty("s3FilePath") String s3FilePath,
      @JsonProperty("description") String description) {}

  private final FileService files;

  public FileEndpoints(FileService files) {
    this.files = files;
  }

  @Override
  public List<ApiRoute<Caller>> routes() {
    return List.of(
        ApiRoute.upload("File/Upload", files.maxBytes(), this::upload),
        ApiRoute.download("File/Download", this::download));
  }

  private void upload(ApiCall<Caller> call) {
    StoredFile file = files.upload(call.caller(), FileUpload.from(call.form()));
    String url = FileService.downloadUrl(call.baseUrl(), file.name());
    call.respond(new Uploaded("Success", file.name(), url, url, null));
  }

  private void download(ApiCall<Caller> call) {
    String name =
        call.query("name")
            .map(String::strip)
            .filter(text -> !text.isEmpty())
            .orElseThrow(
                () -> RuleViolationException.invalidInput("name", "Name the file to download."));
    FileService.Download download = files.download(call.caller().orgId(), name);
    StoredFile file = download.file();
    call.respondAttachment(
        file.originalName(), file.contentType(), file.sizeBytes(), download.content());
  }
}
