package io.rime.emulator.internal.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvScannerTest {

	@TempDir
	Path temp;

	@Test
	void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() throws IOException {
		List<List<String>> rows = read("name,note\n\"Carter, Mr. William\",\"said \"\"hi\"\"\"\n\"two\nlines\",x\n");

		assertThat(rows).containsExactly(List.of("Carter, Mr. William", "said \"hi\""), List.of("two\nlines", "x"));
	}

	@Test
	void crlfLineEndsAByteOrderMarkAndBlankLinesAreReadAsPandasReadsThem() throws IOException {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] text = "a,b\r\n1,2\r\n\r\n3,4\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, bytes, 0, bom.length);
		System.arraycopy(text, 0, bytes, bom.length, text.length);
		Path file = Files.write(this.temp.resolve("bom.csv"), bytes);

		try (CsvScanner csv = new CsvScanner(file, "bom.csv")) {
			assertThat(csv.header()).containsExactly("a", "b");
			assertThat(rest(csv)).containsExactly(List.of("1", "2"), List.of("3", "4"));
		}
	}

	@Test
	void theLastRecordNeedsNoLineEnd() throws IOException {
		assertThat(read("a,b\n1,2")).containsExactly(List.of("1", "2"));
	}

	@Test
	void aRecordWithTheWrongFieldCountNamesItsLine() throws IOException {
		assertThatThrownBy(() -> read("a,b\n1,2\n\"x\ny\",2\n1,2,3\n")).isInstanceOf(MalformedCsvException.class)
			.hasMessage("data file 'test.csv', line 5: 3 fields, but the header has 2");
	}

	@Test
	void aQuoteInsideAnUnquotedFieldIsAnError() {
		assertThatThrownBy(() -> read("a,b\n1,x\"y\n")).isInstanceOf(MalformedCsvException.class)
			.hasMessageStartingWith("data file 'test.csv', line 2: a quote inside an unquoted field");
	}

	@Test
	void textAfterAClosingQuoteIsAnError() {
		assertThatThrownBy(() -> read("a,b\n\"1\"x,2\n")).isInstanceOf(MalformedCsvException.class)
			.hasMessageStartingWith("data file 'test.csv', line 2: a quoted field is followed by 'x'");
	}

	@Test
	void anUnclosedQuoteNamesTheLineWhereItOpened() {
		assertThatThrownBy(() -> read("a,b\n1,2\n3,\"open\nmore\n")).isInstanceOf(MalformedCsvException.class)
			.hasMessage("data file 'test.csv', line 3: a quoted field is not closed before the end of the file");
	}

	@Test
	void anEmptyFileHasNoHeader() {
		assertThatThrownBy(() -> read("")).isInstanceOf(MalformedCsvException.class)
			.hasMessage("data file 'test.csv', line 1: the file is empty; expected a header row");
	}

	@Test
	void aHeaderWithoutRowsHasNoRecords() throws IOException {
		assertThat(read("a,b\n")).isEmpty();
	}

	@Test
	void aRepeatedColumnNameIsAnError() {
		assertThatThrownBy(() -> read("a,b,a\n1,2,3\n")).isInstanceOf(MalformedCsvException.class)
			.hasMessage("data file 'test.csv', line 1: column 'a' appears twice");
	}

	private List<List<String>> read(String text) throws IOException {
		Path file = Files.writeString(this.temp.resolve("test.csv"), text);
		try (CsvScanner csv = new CsvScanner(file, "test.csv")) {
			csv.header();
			return rest(csv);
		}
	}

	private static List<List<String>> rest(CsvScanner csv) {
		List<List<String>> rows = new ArrayList<>();
		while (csv.next()) {
			List<String> row = new ArrayList<>();
			for (int i = 0; i < csv.fieldCount(); i++) {
				row.add(csv.text(i));
			}
			rows.add(row);
		}
		return rows;
	}

}
