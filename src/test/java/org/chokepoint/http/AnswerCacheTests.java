package org.chokepoint.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash a kept answer's ETag names, its gzip form, and the cache's upkeep on the
 * caller's thread.
 */
class AnswerCacheTests {

	/**
	 * About 60 kB of JSON that compresses differently at the fastest and default levels.
	 */
	private static byte[] body() {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < 1500; i++) {
			json.append("{\"country\":\"C")
				.append(i % 97)
				.append("\",\"share\":")
				.append(Math.sqrt(i) / 40)
				.append("},");
		}
		return json.append("{}]").toString().getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void theGzipFormIsTheBodyDeflatedAtTheFastestLevel() throws IOException {
		byte[] body = body();
		byte[] gzip = AnswerCache.Answer.gzip(body);
		try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
			assertThat(in.readAllBytes()).isEqualTo(body);
		}
		// a gzip member: a 10-byte header, the raw deflate stream, an 8-byte trailer
		byte[] stream = Arrays.copyOfRange(gzip, 10, gzip.length - 8);
		assertThat(stream).isEqualTo(deflate(body, Deflater.BEST_SPEED));
		assertThat(deflate(body, Deflater.DEFAULT_COMPRESSION)).as("the levels differ on this body")
			.isNotEqualTo(stream);
	}

	/**
	 * The cache's upkeep runs on the thread that puts, not on a pool thread woken for it:
	 * an answer over the bound is gone when {@code put} returns. Handed to the common
	 * fork-join pool (Caffeine's default), the second answer was still counted right
	 * after its put.
	 */
	@Test
	void anAnswerOverTheBoundIsDroppedBeforePutReturns() {
		AnswerCache.Answer answer = AnswerCache.Answer.of(List.of(), new byte[600]);
		for (int i = 0; i < 200; i++) {
			AnswerCache cache = new AnswerCache(1000, 1000);
			cache.put("a", answer);
			cache.put("b", answer);
			assertThat(cache.size()).as("answers kept right after the second put, round %d", i).isEqualTo(1);
		}
	}

	/** Two seconds, in nanoseconds: what the world matrix takes at M. */
	private static final long SECONDS_2 = 2_000_000_000L;

	/**
	 * A cache of 1 MB and 450 kB for costly answers, full of 5 kB answers each asked once
	 * after it was put, as after many analysts' first questions.
	 */
	private static AnswerCache full() {
		AnswerCache cache = new AnswerCache(1_000_000, 500_000, 450_000);
		for (int i = 0; i < 400; i++) {
			cache.put("chain " + i, AnswerCache.Answer.of(List.of(), new byte[5_000]));
			assertThat(cache.get("chain " + i)).isNotNull();
		}
		return cache;
	}

	/**
	 * Caffeine's policy drops a large new answer asked once when the cache is full of
	 * answers asked as often: computed in a millisecond, it is computed again; one that
	 * took seconds (the world matrix) is kept, and counted.
	 */
	@Test
	void aCostlyAnswerIsKeptWhereTheOthersWouldDropIt() {
		AnswerCache cache = full();
		AnswerCache.Answer cheap = AnswerCache.Answer.of(List.of(), new byte[300_000]);
		cache.put("cheap", cheap);
		assertThat(cache.get("cheap")).as("Caffeine's admission, as the section in performance.md found it").isNull();

		long before = cache.weightedSize();
		long count = cache.size();
		AnswerCache.Answer matrix = AnswerCache.Answer.of(List.of(), new byte[300_000], SECONDS_2);
		cache.put("matrix", matrix);
		assertThat(cache.get("matrix")).isSameAs(matrix);
		assertThat(cache.size()).isEqualTo(count + 1);
		assertThat(cache.weightedSize()).isEqualTo(before + "matrix".length() * 2L + matrix.size());
		// more answers asked once do not push it out
		for (int i = 400; i < 800; i++) {
			cache.put("chain " + i, AnswerCache.Answer.of(List.of(), new byte[5_000]));
			cache.get("chain " + i);
		}
		assertThat(cache.get("matrix")).isSameAs(matrix);
		cache.clear();
		assertThat(cache.get("matrix")).isNull();
		assertThat(cache.size()).isZero();
		assertThat(cache.weightedSize()).isZero();
	}

	/**
	 * The costly answers are bounded by their own size, least recently used dropped
	 * first; one larger than that bound is left to the others' policy, and a cache made
	 * without room for them (the warm-up's) keeps none apart.
	 */
	@Test
	void theCostlyAnswersAreBoundedLeastRecentlyUsedFirst() {
		AnswerCache cache = full();
		AnswerCache.Answer a = AnswerCache.Answer.of(List.of(), new byte[200_000], SECONDS_2);
		AnswerCache.Answer b = AnswerCache.Answer.of(List.of(), new byte[200_000], SECONDS_2);
		AnswerCache.Answer c = AnswerCache.Answer.of(List.of(), new byte[200_000], SECONDS_2);
		cache.put("a", a);
		cache.put("b", b);
		assertThat(cache.get("a")).isSameAs(a);
		cache.put("c", c);
		assertThat(cache.get("b")).as("the least recently used of three over 450 kB").isNull();
		assertThat(cache.get("a")).isSameAs(a);
		assertThat(cache.get("c")).isSameAs(c);

		AnswerCache.Answer huge = AnswerCache.Answer.of(List.of(), new byte[460_000], SECONDS_2);
		cache.put("huge", huge);
		assertThat(cache.get("a")).as("not pushed out by an answer kept as the others are").isSameAs(a);
		assertThat(cache.get("c")).isSameAs(c);

		AnswerCache none = new AnswerCache(1_000_000, 500_000);
		for (int i = 0; i < 400; i++) {
			none.put("chain " + i, AnswerCache.Answer.of(List.of(), new byte[5_000]));
			none.get("chain " + i);
		}
		none.put("a", a);
		assertThat(none.get("a")).isNull();
	}

	/**
	 * The catalogue's check values of both checksums over "123456789" (CRC-32C
	 * 0xE3069283, CRC-32 0xCBF43926), then its length 9, as base64url of those 12 bytes.
	 */
	@Test
	void theHashIsTheBodysCrc32cItsCrc32AndItsLength() {
		assertThat(AnswerCache.Answer.hash("123456789".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("4waSg8v0OSYAAAAJ");
		// nothing at all: both checksums of no bytes are 0
		assertThat(AnswerCache.Answer.hash(new byte[0])).isEqualTo("AAAAAAAAAAAAAAAA");
	}

	@Test
	void aBodyOfTheSameLengthThatDiffersInOneByteHasAnotherHash() {
		byte[] body = body();
		byte[] other = body.clone();
		other[other.length / 2] ^= 1;
		assertThat(AnswerCache.Answer.hash(other)).isNotEqualTo(AnswerCache.Answer.hash(body));
		assertThat(AnswerCache.Answer.hash(body.clone())).isEqualTo(AnswerCache.Answer.hash(body));
	}

	private static byte[] deflate(byte[] body, int level) {
		Deflater deflater = new Deflater(level, true);
		deflater.setInput(body);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

}
