package org.chokepoint.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.chokepoint.paging.Paged;
import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;
import org.springframework.mock.http.MockHttpOutputMessage;

class CsvHttpMessageConverterTests {

	private final CsvHttpMessageConverter converter = new CsvHttpMessageConverter();

	record Row(String id, String title, Double shareFraction, List<String> stages, LocalDate since) {
	}

	@Test
	void quotesOnlyFieldsWithACommaAQuoteOrALineBreakAndDoublesQuotes() throws IOException {
		CsvAnswer table = new CsvAnswer() {
			@Override
			public List<String> csvColumns() {
				return List.of("id", "title", "share_fraction");
			}

			@Override
			public List<List<Object>> csvRows() {
				return List.of(Arrays.asList("a", "Rare earths, magnets", 0.875),
						Arrays.asList("b", "The \"critical\" list", null),
						Arrays.asList("c", "two\nlines", 8.37691806203078E-4));
			}
		};
		assertThat(write(table, ResolvableType.forInstance(table))).isEqualTo("""
				id,title,share_fraction\r
				a,"Rare earths, magnets",0.875\r
				b,"The ""critical"" list",\r
				c,"two
				lines",0.000837691806203078\r
				""");
	}

	@Test
	void writesAPageOfRecordsWithSnakeCaseColumnsListsJoinedBySemicolonsAndIsoDates() throws IOException {
		Paged<Row> page = new Paged<>(
				List.of(new Row("gallium", "Gallium", 0.98, List.of("MINING", "REFINING"), LocalDate.of(2023, 8, 1))),
				0, 50, 1);
		assertThat(write(page, ResolvableType.forClassWithGenerics(Paged.class, Row.class))).isEqualTo("""
				id,title,share_fraction,stages,since\r
				gallium,Gallium,0.98,MINING;REFINING,2023-08-01\r
				""");
	}

	@Test
	void writesTheHeaderOfAnEmptyPage() throws IOException {
		Paged<Row> page = new Paged<>(List.of(), 3, 50, 1);
		assertThat(write(page, ResolvableType.forClassWithGenerics(Paged.class, Row.class)))
			.isEqualTo("id,title,share_fraction,stages,since\r\n");
	}

	@Test
	void writesOnlyTablesAndPagesOfRecordsAndOnlyAsCsv() {
		assertThat(this.converter.canWrite(ResolvableType.forClassWithGenerics(Paged.class, Row.class), Paged.class,
				CsvHttpMessageConverter.TEXT_CSV))
			.isTrue();
		assertThat(this.converter.canWrite(ResolvableType.forClassWithGenerics(Paged.class, String.class), Paged.class,
				CsvHttpMessageConverter.TEXT_CSV))
			.isFalse();
		assertThat(this.converter.getSupportedMediaTypes(Paged.class))
			.containsExactly(CsvHttpMessageConverter.TEXT_CSV);
		assertThat(this.converter.canWrite(ResolvableType.forClass(Row.class), Row.class,
				CsvHttpMessageConverter.TEXT_CSV))
			.isFalse();
		assertThat(this.converter.canWrite(ResolvableType.forClassWithGenerics(Paged.class, Row.class), Paged.class,
				org.springframework.http.MediaType.APPLICATION_JSON))
			.isFalse();
	}

	private String write(Object value, ResolvableType type) throws IOException {
		MockHttpOutputMessage output = new MockHttpOutputMessage();
		this.converter.write(value, type, CsvHttpMessageConverter.TEXT_CSV, output, null);
		return output.getBodyAsString();
	}

}
