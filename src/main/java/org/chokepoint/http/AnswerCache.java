package org.chokepoint.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	AnswerCache(AnswerCacheProperties properties) {
		this(properties.maxSize().toBytes(), properties.maxAnswerSize().toBytes());
	}

	/**
	 * A cache of at most {@code maxSize} bytes, each answer at most
	 * {@code maxAnswerSize}.
	 */
	AnswerCache(long maxSize, long maxAnswerSize) {
		this.maxAnswerSize = maxAnswerSize;
		this.answers = Caffeine.newBuilder()
			// the cache's upkeep (order of eviction, evictions) on the thread that
			// reads or writes, not handed to the common fork-join pool: waking a pool
			// thread at every put cost a request 6 % of its CPU on 2 cores (see
			// docs/performance.md)
			.executor(Runnable::run)
			.maximumWeight(maxSize)
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

	/** The bytes the kept answers weigh, as {@link Answer#size()} counts them. */
	long weightedSize() {
		this.answers.cleanUp();
		return this.answers.policy().eviction().orElseThrow().weightedSize().orElseThrow();
	}

	/** How many answers are kept (an estimate, as Caffeine counts). */
	public long size() {
		return this.answers.estimatedSize();
	}

	/** Forgets every answer. */
	public void clear() {
		this.answers.invalidateAll();
	}

	/**
	 * A finished answer. Its gzip form is made when a client that accepts gzip first asks
	 * for it, not with the answer: a client that does not accept gzip never waits for one
	 * (deflating a 1 MB chain took longer than computing it).
	 */
	static final class Answer {

		private final List<Map.Entry<String, String>> headers;

		private final byte[] body;

		private final String etag;

		private final String gzipEtag;

		private volatile byte[] gzip;

		/**
		 * @param headers the headers its handler set (content type and the like), in
		 * order; a name may come twice
		 * @param body the body as written
		 * @param etag the strong ETag of the body ({@link #hash}), quoted
		 * @param gzipEtag the strong ETag of the gzip form (the body's with
		 * {@code -gzip})
		 */
		private Answer(List<Map.Entry<String, String>> headers, byte[] body, String etag, String gzipEtag) {
			this.headers = headers;
			this.body = body;
			this.etag = etag;
			this.gzipEtag = gzipEtag;
		}

		static Answer of(List<Map.Entry<String, String>> headers, byte[] body) {
			String hash = hash(body);
			return new Answer(List.copyOf(headers), body, "\"" + hash + "\"", "\"" + hash + "-gzip\"");
		}

		/**
		 * The body's hash, as its ETag names it: its CRC-32C, its CRC-32 and its length
		 * (12 bytes, base64url: 16 characters). Derived from the bytes alone, so the same
		 * answer has the same ETag on every instance and after every start. Bodies of
		 * different lengths always differ in it; two different bodies of the same length
		 * share it with a chance of about 2^-64 (two checksums of different polynomials).
		 * It is a validator, not a signature: only the application makes the bodies. The
		 * JDK computes both checksums with the CPU's own instructions: 2.6 us for a 90 kB
		 * answer where its SHA-256 took 41 us, on every answer computed
		 * (docs/performance.md).
		 */
		static String hash(byte[] body) {
			CRC32C crc32c = new CRC32C();
			crc32c.update(body);
			CRC32 crc32 = new CRC32();
			crc32.update(body);
			ByteBuffer bytes = ByteBuffer.allocate(12)
				.putInt((int) crc32c.getValue())
				.putInt((int) crc32.getValue())
				.putInt(body.length);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
		}

		List<Map.Entry<String, String>> headers() {
			return this.headers;
		}

		byte[] body() {
			return this.body;
		}

		String etag() {
			return this.etag;
		}

		String gzipEtag() {
			return this.gzipEtag;
		}

		/** Whether it has a gzip form: bodies shorter than {@link #GZIP_FROM} do not. */
		boolean gzippable() {
			return this.body.length >= GZIP_FROM;
		}

		/** The body gzipped, made on first use and kept; null when not gzippable. */
		byte[] gzip() {
			if (!gzippable()) {
				return null;
			}
			byte[] made = this.gzip;
			if (made == null) {
				made = gzip(this.body);
				this.gzip = made; // two first asks may both make it: the same bytes
			}
			return made;
		}

		/** Whether its gzip form has been made. */
		boolean hasGzip() {
			return this.gzip != null;
		}

		/**
		 * Its weight in the cache: the body, the gzip form once made (the cache weighs it
		 * again then: {@link AnswerCacheFilter} puts it again) and the headers.
		 */
		long size() {
			byte[] made = this.gzip;
			long size = 200 + this.body.length + ((made != null) ? made.length : 0);
			for (Map.Entry<String, String> header : this.headers) {
				size += 2L * (header.getKey().length() + header.getValue().length()) + 32;
			}
			return size;
		}

		/**
		 * The body gzipped at the fastest level: made while the first client that accepts
		 * gzip waits, it costs a third of the default level's time for about a sixth more
		 * bytes (zlib on a 75 kB chain answer: 0.29 ms and 14.4 kB against 0.77 ms and
		 * 12.3 kB).
		 */
		static byte[] gzip(byte[] body) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, body.length / 4));
			try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
				{
					this.def.setLevel(Deflater.BEST_SPEED);
				}
			}) {
				out.write(body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return bytes.toByteArray();
		}

	}

}
