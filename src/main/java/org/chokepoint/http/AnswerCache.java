package org.chokepoint.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Finished answers as bytes, by key ({@link AnswerCacheFilter} makes the keys: data
 * version, path, query, {@code Accept}, date), bounded by their size in bytes
 * ({@link AnswerCacheProperties#maxSize()}), least recently used dropped first.
 */
@Component
public class AnswerCache {

	/** Bodies shorter than this are not worth a gzip form. */
	static final int GZIP_FROM = 256;

	private final Cache<String, Answer> answers;

	private final long maxAnswerSize;

	AnswerCache(AnswerCacheProperties properties) {
		this.maxAnswerSize = properties.maxAnswerSize().toBytes();
		this.answers = Caffeine.newBuilder()
			.maximumWeight(properties.maxSize().toBytes())
			.weigher(
					(String key, Answer answer) -> (int) Math.min(Integer.MAX_VALUE, key.length() * 2L + answer.size()))
			.build();
	}

	Answer get(String key) {
		return this.answers.getIfPresent(key);
	}

	/** Keeps {@code answer} unless it is larger than an answer may be. */
	void put(String key, Answer answer) {
		if (answer.size() <= this.maxAnswerSize) {
			this.answers.put(key, answer);
		}
	}

	/** How many answers are kept (an estimate, as Caffeine counts). */
	long size() {
		return this.answers.estimatedSize();
	}

	/** Forgets every answer. */
	public void clear() {
		this.answers.invalidateAll();
	}

	/**
	 * A finished answer.
	 *
	 * @param headers the headers its handler set (content type and the like), in order; a
	 * name may come twice
	 * @param body the body as written
	 * @param gzip the body gzipped, or null when it is too short to be worth it
	 * @param etag the strong ETag of the body: its SHA-256, quoted
	 * @param gzipEtag the strong ETag of the gzip form (the body's with {@code -gzip})
	 */
	record Answer(List<Map.Entry<String, String>> headers, byte[] body, byte[] gzip, String etag, String gzipEtag) {

		static Answer of(List<Map.Entry<String, String>> headers, byte[] body) {
			String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body));
			return new Answer(List.copyOf(headers), body, (body.length >= GZIP_FROM) ? gzip(body) : null,
					"\"" + hash + "\"", "\"" + hash + "-gzip\"");
		}

		long size() {
			long size = 200 + this.body.length + ((this.gzip != null) ? this.gzip.length : 0);
			for (Map.Entry<String, String> header : this.headers) {
				size += 2L * (header.getKey().length() + header.getValue().length()) + 32;
			}
			return size;
		}

		private static byte[] sha256(byte[] body) {
			try {
				return MessageDigest.getInstance("SHA-256").digest(body);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every Java has SHA-256", ex);
			}
		}

		private static byte[] gzip(byte[] body) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, body.length / 4));
			try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
				out.write(body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return bytes.toByteArray();
		}

	}

}
