package org.chokepoint.csv;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.chokepoint.paging.Paged;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

import org.springframework.core.ResolvableType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes {@link CsvAnswer} answers, and pages of records ({@link Paged}{@code <R>}, the
 * item type read from the handler's declared return type), as {@code text/csv} (RFC 4180:
 * a header row, CRLF line ends, a field quoted only when it holds a comma, a quote or a
 * line break, quotes doubled), with Jackson's CSV module, as an attachment
 * ({@code Content-Disposition}) named by {@link CsvAnswer#csvFileName()} or after the
 * request path. Registered after the JSON converter, so {@code Accept: *}{@code /*} still
 * gets JSON; only a client asking for {@code text/csv} (or {@code ?format=csv}) gets CSV.
 */
class CsvHttpMessageConverter extends AbstractSmartHttpMessageConverter<Object> {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final CsvMapper mapper = CsvMapper.builder()
		.enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
		// the servlet container closes the response
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		// doubles as the JSON answers write them
		// (org.chokepoint.web.JsonWriteConfiguration)
		.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
		.build();

	CsvHttpMessageConverter() {
		super(TEXT_CSV);
		setDefaultCharset(StandardCharsets.UTF_8);
	}

	@Override
	protected boolean supports(Class<?> type) {
		return CsvAnswer.class.isAssignableFrom(type) || Paged.class.isAssignableFrom(type);
	}

	@Override
	public boolean canRead(ResolvableType type, MediaType mediaType) {
		return false;
	}

	// without the declared type (Spring asks so for the media types a class can be
	// written as), a
	// page can only be assumed to hold records; the check with the type follows
	@Override
	public boolean canWrite(Class<?> valueClass, MediaType mediaType) {
		return supports(valueClass) && canWrite(mediaType);
	}

	@Override
	public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
		if (!canWrite(mediaType)) {
			return false;
		}
		return CsvAnswer.class.isAssignableFrom(valueClass)
				|| (Paged.class.isAssignableFrom(valueClass) && itemType(type) != null);
	}

	@Override
	protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage output, Map<String, Object> hints)
			throws IOException {
		CsvAnswer table = (value instanceof CsvAnswer csv) ? csv : records((Paged<?>) value, itemType(type));
		// before the body: the headers go out with its first byte
		output.getHeaders()
			.setContentDisposition(ContentDisposition.attachment().filename(fileName(table) + ".csv").build());
		CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
		table.csvColumns().forEach(schema::addColumn);
		Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
		try (SequenceWriter rows = this.mapper.writer(schema.build()).writeValues(writer)) {
			for (List<Object> row : table.csvRows()) {
				rows.write(row.stream().map(CsvAnswer::cell).toList());
			}
		}
		writer.flush();
	}

	@Override
	public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) {
		throw new HttpMessageNotReadableException("CSV is written, not read", input);
	}

	/**
	 * The answer's own name, or one after the request path ({@code /api/countries}:
	 * {@code countries}), or {@code answer} outside a request.
	 */
	static String fileName(CsvAnswer table) {
		String name = table.csvFileName();
		if (name != null && !name.isBlank()) {
			return name;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			String path = attributes.getRequest().getRequestURI().replaceFirst("^/api/", "");
			name = CsvAnswer.fileName((Object[]) path.split("/"));
		}
		return (name == null || name.isEmpty()) ? "answer" : name;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static CsvAnswer records(Paged<?> page, Class<?> itemType) {
		return CsvAnswer.ofRecords((Class) itemType, (List) page.items());
	}

	/** The record type of a {@code Paged<R>} return type, or null. */
	private static Class<?> itemType(ResolvableType type) {
		Class<?> item = type.as(Paged.class).getGeneric(0).resolve();
		return (item != null && item.isRecord()) ? item : null;
	}

}
