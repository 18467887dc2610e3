package org.chokepoint.importer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming, strict RFC 4180 reader: one record at a time from a stream of UTF-8 bytes,
 * never the whole file in memory.
 *
 * <p>
 * Strict where the libraries at hand are lenient: Jackson's CSV module (the one kept)
 * takes a stray quote inside an unquoted field as text and replaces nothing but reports
 * no column; commons-csv and FastCSV are not dependencies of the project and neither
 * refuses control characters. So this reader refuses, with the line and column of the
 * offending character:
 * <ul>
 * <li>bytes that are not UTF-8 (reported, never replaced);</li>
 * <li>NUL and other control characters (C0 but tab, DEL, C1) in text; a line break is
 * allowed only inside a quoted field;</li>
 * <li>a quote inside an unquoted field, anything but a comma or a line break after a
 * closing quote, and a quote left open at the end of the file;</li>
 * <li>a record longer than {@link #MAX_RECORD_CHARS} characters.</li>
 * </ul>
 * Records end with LF or CRLF; a byte-order mark at the start of the file is skipped.
 */
final class CsvRecords implements Closeable {

	/**
	 * A longer record is refused rather than read (a runaway quote can swallow a whole
	 * file).
	 */
	static final int MAX_RECORD_CHARS = 1_000_000;

	/** A bad byte, character or quote: where it is and what is wrong. */
	static final class CsvFormatException extends RuntimeException {

		private final int line;

		private final int column;

		CsvFormatException(int line, int column, String message) {
			super(message);
			this.line = line;
			this.column = column;
		}

		int line() {
			return this.line;
		}

		int column() {
			return this.column;
		}

	}

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);

	private final CharBuffer chars = CharBuffer.allocate(64 * 1024);

	private boolean endOfInput;

	private boolean finished;

	/** The error found while decoding, raised once the characters before it are read. */
	private String decodeError;

	private long bytesConsumed;

	private int line = 1;

	private int column;

	private int recordLine;

	private boolean started;

	CsvRecords(InputStream in) {
		this.in = in;
		this.chars.flip();
	}

	/** The 1-based line the record last returned by {@link #next()} starts on. */
	int recordLine() {
		return this.recordLine;
	}

	/**
	 * The next record, or null at the end of the file.
	 * @throws CsvFormatException where the file breaks the format (reading can't go on)
	 * @throws UncheckedIOException when the stream can't be read
	 */
	List<String> next() {
		if (!this.started) {
			this.started = true;
			if (peek() == '\uFEFF') {
				read();
				this.column = 0;
			}
		}
		if (peek() == -1) {
			return null;
		}
		this.recordLine = this.line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int length = 0;
		while (true) {
			int c = read();
			if (c == -1 || c == '\n') {
				fields.add(field.toString());
				return fields;
			}
			if (++length > MAX_RECORD_CHARS) {
				throw new CsvFormatException(this.recordLine, 0,
						"record longer than " + MAX_RECORD_CHARS + " characters (an unclosed quote?)");
			}
			if (c == '\r') {
				if (peek() != '\n') {
					throw error("a carriage return (CR) not followed by a line feed");
				}
				continue;
			}
			if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				continue;
			}
			if (c == '"') {
				if (field.length() > 0) {
					throw error(
							"a quote inside an unquoted field (quote the whole field and double the quote: \"a\"\"b\")");
				}
				length += quoted(field);
				continue;
			}
			checkText(c);
			field.append((char) c);
		}
	}

	/**
	 * Reads a quoted field after its opening quote, up to the comma or line end after the
	 * closing quote (not consumed); returns the characters read.
	 */
	private int quoted(StringBuilder field) {
		int openLine = this.line;
		int openColumn = this.column;
		int length = 0;
		while (true) {
			int c = read();
			if (++length > MAX_RECORD_CHARS) {
				throw new CsvFormatException(openLine, openColumn,
						"quoted field longer than " + MAX_RECORD_CHARS + " characters (an unclosed quote?)");
			}
			if (c == -1) {
				throw new CsvFormatException(openLine, openColumn, "quote opened here is never closed");
			}
			if (c == '"') {
				int after = peek();
				if (after == '"') {
					read();
					field.append('"');
					continue;
				}
				if (after != ',' && after != '\n' && after != '\r' && after != -1) {
					read();
					throw error("text after the closing quote of a field (a stray quote?)");
				}
				return length;
			}
			if (c != '\n' && c != '\r') {
				checkText(c);
			}
			field.append((char) c);
		}
	}

	private void checkText(int c) {
		if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
			throw error(String.format("control character U+%04X in text", c));
		}
	}

	private CsvFormatException error(String message) {
		return new CsvFormatException(this.line, this.column, message);
	}

	private int read() {
		int c = peek();
		if (c == -1) {
			return -1;
		}
		this.chars.get();
		if (c == '\n') {
			this.line++;
			this.column = 0;
		}
		else {
			this.column++;
		}
		return c;
	}

	private int peek() {
		while (!this.chars.hasRemaining()) {
			if (!fill()) {
				return -1;
			}
		}
		return this.chars.get(this.chars.position());
	}

	/** Decodes more characters; false at the end of the input. */
	private boolean fill() {
		if (this.decodeError != null) {
			throw new CsvFormatException(this.line, this.column + 1, this.decodeError);
		}
		if (this.finished) {
			return false;
		}
		this.chars.clear();
		try {
			while (this.chars.position() == 0 && !this.finished && this.decodeError == null) {
				if (!this.endOfInput) {
					int read = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
					if (read < 0) {
						this.endOfInput = true;
					}
					else {
						this.bytes.position(this.bytes.position() + read);
					}
				}
				this.bytes.flip();
				int before = this.bytes.position();
				CoderResult result = this.decoder.decode(this.bytes, this.chars, this.endOfInput);
				this.bytesConsumed += this.bytes.position() - before;
				if (result.isError()) {
					this.decodeError = String.format("not UTF-8: byte 0x%02X at offset %d; save the file as UTF-8",
							this.bytes.get(this.bytes.position()) & 0xFF, this.bytesConsumed);
				}
				else if (this.endOfInput && result.isUnderflow()) {
					this.finished = true;
				}
				this.bytes.compact();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.chars.flip();
		if (!this.chars.hasRemaining()) {
			if (this.decodeError != null) {
				throw new CsvFormatException(this.line, this.column + 1, this.decodeError);
			}
			return false;
		}
		return true;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
