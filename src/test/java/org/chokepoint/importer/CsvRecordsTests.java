package org.chokepoint.importer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CsvRecordsTests {

	@Test
	void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() {
		assertThat(records("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\n"))
			.containsExactly(List.of("a", "b"), List.of("x, y", "say \"hi\""), List.of("two\r\nlines", ""));
	}

	@Test
	void skipsTheByteOrderMarkAndCountsLinesOfMultiLineRecords() throws Exception {
		try (CsvRecords records = new CsvRecords(in("\uFEFFa,b\n\"1\n2\",3\nx,y"))) {
			assertThat(records.next()).containsExactly("a", "b");
			assertThat(records.recordLine()).isEqualTo(1);
			assertThat(records.next()).containsExactly("1\n2", "3");
			assertThat(records.recordLine()).isEqualTo(2);
			assertThat(records.next()).containsExactly("x", "y");
			assertThat(records.recordLine()).isEqualTo(4);
			assertThat(records.next()).isNull();
		}
	}

	@Test
	void refusesAStrayQuoteInAnUnquotedFieldWithItsLineAndColumn() {
		assertRefused("a,b\nx,ab\"c\n", 2, 5, "a quote inside an unquoted field");
		assertRefused("a,b\nx, \"c\"\n", 2, 4, "a quote inside an unquoted field");
	}

	@Test
	void refusesTextAfterAClosingQuote() {
		assertRefused("a,b\n\"x\"y,z\n", 2, 4, "text after the closing quote");
	}

	@Test
	void refusesNulAndControlCharactersInText() {
		assertRefused("a,b\nx,Chi\u0000na\n", 2, 6, "control character U+0000 in text");
		assertRefused("a,b\n\"x\u001b\",y\n", 2, 3, "control character U+001B in text");
		assertRefused("a,b\nx,\u0085\n", 2, 3, "control character U+0085 in text");
		assertRefused("a,b\rx,y\n", 1, 4, "a carriage return (CR) not followed by a line feed");
	}

	@Test
	void reportsMalformedUtf8RatherThanReplacingIt() {
		// an overlong encoding of '/' (0xC0 0xAF), which a lenient decoder turns into '/'
		// or U+FFFD
		byte[] bytes = { 'a', '\n', 'x', 'y', (byte) 0xC0, (byte) 0xAF, '\n' };
		assertThatExceptionOfType(CsvRecords.CsvFormatException.class).isThrownBy(() -> records(bytes))
			.satisfies(ex -> {
				assertThat(ex.line()).isEqualTo(2);
				assertThat(ex.column()).isEqualTo(3);
				assertThat(ex.getMessage()).isEqualTo("not UTF-8: byte 0xC0 at offset 4; save the file as UTF-8");
			});
		// a sequence cut off at the end of the file
		byte[] cut = { 'a', '\n', 'x', (byte) 0xE2, (byte) 0x82 };
		assertThatExceptionOfType(CsvRecords.CsvFormatException.class).isThrownBy(() -> records(cut))
			.satisfies(ex -> assertThat(ex.getMessage()).startsWith("not UTF-8: byte 0xE2 at offset 3"));
	}

	@Test
	void refusesAnUnclosedQuoteWhereItOpened() {
		assertRefused("a,b\nx,\"open\ny,z\n", 2, 3, "quote opened here is never closed");
	}

	@Test
	void stopsAnEndlessRecordAtTheLimitInsteadOfFillingMemory() {
		// an endless stream of 'y' (like /dev/zero, but text): refused at the record
		// limit
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				return 'y';
			}
		};
		assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
			try (CsvRecords records = new CsvRecords(endless)) {
				assertThatExceptionOfType(CsvRecords.CsvFormatException.class).isThrownBy(records::next)
					.withMessageStartingWith("record longer than 1000000 characters");
			}
		});
	}

	@Test
	void streamsAManyMillionRowFileWithoutHoldingIt() {
		// 3 million rows (about 40 MB of text) are produced on the fly and counted
		long rows = 3_000_000;
		InputStream generated = new InputStream() {
			private long produced;

			private final byte[] row = "CHN,USA,gallium\n".getBytes(StandardCharsets.US_ASCII);

			private int at;

			@Override
			public int read() {
				if (this.produced == rows) {
					return -1;
				}
				int b = this.row[this.at++];
				if (this.at == this.row.length) {
					this.at = 0;
					this.produced++;
				}
				return b;
			}
		};
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			long count = 0;
			try (CsvRecords records = new CsvRecords(generated)) {
				while (records.next() != null) {
					count++;
				}
			}
			assertThat(count).isEqualTo(rows);
		});
	}

	private static void assertRefused(String text, int line, int column, String message) {
		assertThatExceptionOfType(CsvRecords.CsvFormatException.class).isThrownBy(() -> records(text)).satisfies(ex -> {
			assertThat(ex.getMessage()).startsWith(message);
			assertThat(ex.line()).as("line").isEqualTo(line);
			assertThat(ex.column()).as("column").isEqualTo(column);
		});
	}

	private static List<List<String>> records(String text) {
		return records(text.getBytes(StandardCharsets.UTF_8));
	}

	private static List<List<String>> records(byte[] bytes) {
		List<List<String>> result = new ArrayList<>();
		try (CsvRecords records = new CsvRecords(new ByteArrayInputStream(bytes))) {
			List<String> record;
			while ((record = records.next()) != null) {
				result.add(record);
			}
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return result;
	}

	private static InputStream in(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
