package io.creditflow.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP client of one node, as a channel or a member of staff calls it. A request the node never answered (refused
 * connection, reset, time-out: the node died) throws {@link Unanswered}; any answer, whatever its status, is returned.
 */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The node gave no answer: the request may or may not have taken effect. */
  static final class Unanswered extends RuntimeException {
    Unanswered(String what, Throwable cause) {
      super(what + " got no answer: " + cause, cause);
    }
  }

  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  private final String baseUrl;
  private final String authorization;

  Api(int port, String user, String password) {
    this.baseUrl = "http://127.0.0.1:" + port;
    this.authorization = Http.basic(user, password);
  }

  Answer get(String path) {
    return send(builder(path).GET(), "GET " + path);
  }

  Answer post(String path, String json) {
    return send(builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), "POST " + path);
  }

  Answer put(String path, String json) {
    return send(builder(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)), "PUT " + path);
  }

  private HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json, application/problem+json")
        .header("Authorization", authorization);
  }

  private static Answer send(HttpRequest.Builder request, String what) {
    try {
      HttpResponse<String> response = CLIENT.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new Unanswered(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unanswered(what, e);
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
