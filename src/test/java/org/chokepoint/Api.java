package org.chokepoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls to the application under test on its random port (no MockMvc), with the
 * application's own JSON mapper to read answers back into records.
 */
public final class Api {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final URI base;

	private final JsonMapper json;

	public Api(int port, JsonMapper json) {
		this.base = URI.create("http://localhost:" + port);
		this.json = json;
	}

	public URI base() {
		return this.base;
	}

	/** GET with {@code Accept: application/json}. */
	public HttpResponse<String> get(String path) {
		return get(path, "application/json");
	}

	public HttpResponse<String> get(String path, String accept) {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path)).header("Accept", accept).GET().build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** GET that must answer 200 with JSON, read as the given type. */
	/** POSTs a body; {@code credentials} "user:password" for HTTP basic, or null. */
	public HttpResponse<String> post(String path, String body, String contentType, String credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (credentials != null) {
			request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public <T> T getOk(String path, Class<T> type) {
		return this.json.readValue(ok(path), type);
	}

	/** GET that must answer 200 with JSON, read as the given (generic) type. */
	public <T> T getOk(String path, TypeReference<T> type) {
		return this.json.readValue(ok(path), type);
	}

	/** GET that must fail with the given status, its problem detail read as a map. */
	public Map<String, Object> problem(String path, int status) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != status) {
			throw new AssertionError(
					"GET " + path + ": expected " + status + ", got " + response.statusCode() + " " + response.body());
		}
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (!type.startsWith("application/problem+json")) {
			throw new AssertionError("GET " + path + ": expected a problem detail, got " + type);
		}
		return this.json.readValue(response.body(), new TypeReference<Map<String, Object>>() {
		});
	}

	private String ok(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError(
					"GET " + path + ": expected 200, got " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

}
