package org.chokepoint.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * ({@link AnswerCacheProperties#maxSize()}).
 *
 * <p>
 * Most answers are kept in a Caffeine cache, whose policy (W-TinyLFU) admits a new answer
 * only when it was asked more often than the one it would push out: once it is full of
 * answers asked once each, a new answer asked once is dropped as soon as it is put. That
 * suits answers computed in a millisecond, not the world matrix, computed in seconds and
 * asked once before its second ask (at M, seed 61, it was dropped at once and computed
 * again at every ask: docs/performance.md). Answers that took at least
 * {@link #COSTLY_FROM} to compute are kept apart, least recently used dropped first,
 * whatever was asked before them, up to {@code costlySize} bytes.
 */
@Component
public class AnswerCache {

	/** Bodies shorter than this are not worth a gzip form. */
	static final int GZIP_FROM = 256;

	/**
	 * An answer computed in at least this long (nanoseconds: 100 ms) is kept apart from
	 * the others: a chain answer takes 1 to 5 ms at the benchmark's sizes, the world
	 * matrix seconds.
	 */
	static final long COSTLY_FROM = 100_000_000L;

	private final Cache<String, Answer> answers;

	/** The costly answers, least recently used first, by key; guarded by itself. */
	private final LinkedHashMap<String, Kept> costly = new LinkedHashMap<>(16, 0.75f, true);

	/** The weight of {@link #costly}; guarded by it. */
	private long costlyWeight;

	/**
	 * Whether {@link #costly} holds any answer: a miss of the others looks no further.
	 */
	private volatile boolean anyCostly;

	private final long costlySize;

	private final long maxAnswerSize;

	@Autowired
	AnswerCache(AnswerCacheProperties properties) {
		this(properties.maxSize().toBytes(), properties.maxAnswerSize().toBytes(),
				properties.maxAnswerSize().toBytes());
	}

	/**
	 * A cache of at most {@code maxSize} bytes, each answer at most
	 * {@code maxAnswerSize}, and no answer kept apart for its cost.
	 */
	AnswerCache(long maxSize, long maxAnswerSize) {
		this(maxSize, maxAnswerSize, 0);
	}

	/**
	 * A cache of at most {@code maxSize} bytes, each answer at most
	 * {@code maxAnswerSize}, and besides them answers that took at least
	 * {@link #COSTLY_FROM} to compute, at most {@code costlySize} bytes of them.
	 */
	AnswerCache(long maxSize, long maxAnswerSize, long costlySize) {
		this.maxAnswerSize = maxAnswerSize;
		this.costlySize = costlySize;
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
		Answer answer = this.answers.getIfPresent(key);
		if (answer != null || !this.anyCostly) {
			return answer;
		}
		synchronized (this.costly) {
			Kept kept = this.costly.get(key);
			return (kept != null) ? kept.answer() : null;
		}
	}

	/**
	 * Keeps {@code answer} unless it is larger than an answer may be; apart from the
	 * others when it took at least {@link #COSTLY_FROM} to compute and there is room for
	 * such answers.
	 */
	void put(String key, Answer answer) {
		long size = answer.size();
		if (size > this.maxAnswerSize) {
			return;
		}
		if (answer.cost() < COSTLY_FROM || size > this.costlySize) {
			if (this.anyCostly) {
				forgetCostly(key);
			}
			this.answers.put(key, answer);
			return;
		}
		this.answers.invalidate(key);
		long weight = key.length() * 2L + size;
		synchronized (this.costly) {
			Kept before = this.costly.put(key, new Kept(answer, weight));
			this.costlyWeight += weight - ((before != null) ? before.weight() : 0);
			Iterator<Kept> eldest = this.costly.values().iterator();
			while (this.costlyWeight > this.costlySize) {
				this.costlyWeight -= eldest.next().weight();
				eldest.remove();
			}
			this.anyCostly = !this.costly.isEmpty();
		}
	}

	private void forgetCostly(String key) {
		synchronized (this.costly) {
			Kept before = this.costly.remove(key);
			if (before != null) {
				this.costlyWeight -= before.weight();
			}
			this.anyCostly = !this.costly.isEmpty();
		}
	}

	/** The bytes the kept answers weigh, as {@link Answer#size()} counts them. */
	long weightedSize() {
		this.answers.cleanUp();
		synchronized (this.costly) {
			return this.answers.policy().eviction().orElseThrow().weightedSize().orElseThrow() + this.costlyWeight;
		}
	}

	/** How many answers are kept (an estimate, as Caffeine counts). */
	public long size() {
		synchronized (this.costly) {
			return this.answers.estimatedSize() + this.costly.size();
		}
	}

	/** How many answers are kept apart for their cost. */
	int costlyCount() {
		synchronized (this.costly) {
			return this.costly.size();
		}
	}

	/** Forgets every answer. */
	public void clear() {
		this.answers.invalidateAll();
		synchronized (this.costly) {
			this.costly.clear();
			this.costlyWeight = 0;
			this.anyCostly = false;
		}
	}

	/** A costly answer and the weight it was counted with. */
	private record Kept(Answer answer, long weight) {
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

		private final long cost;

		private volatile byte[] gzip;

		/**
		 * @param headers the headers its handler set (content type and the like), in
		 * order; a name may come twice
		 * @param body the body as written
		 * @param etag the strong ETag of the body ({@link #hash}), quoted
		 * @param gzipEtag the strong ETag of the gzip form (the body's with
		 * {@code -gzip})
		 * @param cost how long it took to compute, in nanoseconds
		 */
		private Answer(List<Map.Entry<String, String>> headers, byte[] body, String etag, String gzipEtag, long cost) {
			this.headers = headers;
			this.body = body;
			this.etag = etag;
			this.gzipEtag = gzipEtag;
			this.cost = cost;
		}

		/** An answer computed at no cost worth noting. */
		static Answer of(List<Map.Entry<String, String>> headers, byte[] body) {
			return of(headers, body, 0);
		}

		/** An answer that took {@code cost} nanoseconds to compute. */
		static Answer of(List<Map.Entry<String, String>> headers, byte[] body, long cost) {
			String hash = hash(body);
			return new Answer(List.copyOf(headers), body, "\"" + hash + "\"", "\"" + hash + "-gzip\"", cost);
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

		/** How long it took to compute, in nanoseconds. */
		long cost() {
			return this.cost;
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
