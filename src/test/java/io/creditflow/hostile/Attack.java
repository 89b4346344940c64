package io.creditflow.hostile;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One hostile request: an endpoint of ours, the path with its variables filled in (already encoded), the caller, an
 * optional body and headers. {@link #toString()} names a failing sample in the test report: enough to replay it.
 */
record Attack(Endpoints.Endpoint endpoint, String path, String user, byte[] body, String contentType, String accept,
    List<String[]> headers, String mutation, boolean containerMayReject) {

  static final String PASSWORD = "demo";

  HttpRequest.Builder request(String baseUrl) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (user != null) {
      builder.header("Authorization", io.creditflow.support.Http.basic(user, PASSWORD));
    }
    if (accept != null) {
      builder.header("Accept", accept);
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    for (String[] header : headers) {
      builder.header(header[0], header[1]);
    }
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body);
    return builder.method(endpoint.method().name(), publisher);
  }

  HttpResponse<String> send(io.creditflow.support.Http http, int port) {
    return http.send(request("http://localhost:" + port));
  }

  @Override
  public String toString() {
    List<String> shown = new ArrayList<>();
    for (String[] header : headers) {
      shown.add(header[0] + ": " + abbreviate(header[1]));
    }
    return endpoint + " as " + user + " [" + mutation + "]\n  " + endpoint.method() + " " + abbreviate(path)
        + "\n  Content-Type: " + contentType + "\n  Accept: " + abbreviate(accept) + "\n  " + shown
        + "\n  body (" + (body == null ? 0 : body.length) + " bytes): "
        + (body == null ? "none" : abbreviate(new String(body, StandardCharsets.UTF_8)));
  }

  static String abbreviate(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() <= 400) {
      return escape(text);
    }
    return escape(text.substring(0, 300)) + "…(" + text.length() + " chars)…"
        + escape(text.substring(text.length() - 60));
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f
        ? String.format(Locale.ROOT, "\\u%04x", c) : String.valueOf((char) c)));
    return out.toString();
  }
}
