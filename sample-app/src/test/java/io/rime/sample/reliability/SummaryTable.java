package io.rime.sample.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The table a suite prints when it ends, so that its figures can be read in the build log without
 * opening a report. Rows may be added from parameterized tests in any order; cells are cut to fit.
 */
final class SummaryTable {

	private static final int MAX_CELL = 90;

	private final String title;

	private final List<String> headers;

	private final List<List<String>> rows = new ArrayList<>();

	SummaryTable(String title, String... headers) {
		this.title = title;
		this.headers = List.of(headers);
	}

	synchronized void add(Object... cells) {
		this.rows.add(Arrays.stream(cells).map(SummaryTable::cell).toList());
	}

	synchronized String render() {
		int[] widths = new int[this.headers.size()];
		for (List<String> row : allRows()) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		StringBuilder table = new StringBuilder("\n").append(this.title).append(" (").append(this.rows.size())
			.append(" rows)\n");
		List<List<String>> all = allRows();
		for (int r = 0; r < all.size(); r++) {
			table.append('|');
			for (int i = 0; i < widths.length; i++) {
				table.append(' ').append(String.format("%-" + widths[i] + "s", all.get(r).get(i))).append(" |");
			}
			table.append('\n');
			if (r == 0) {
				table.append('|');
				for (int width : widths) {
					table.append("-".repeat(width + 2)).append('|');
				}
				table.append('\n');
			}
		}
		return table.toString();
	}

	void print() {
		System.out.println(render());
	}

	private List<List<String>> allRows() {
		List<List<String>> all = new ArrayList<>();
		all.add(this.headers);
		all.addAll(this.rows);
		return all;
	}

	private static String cell(Object value) {
		String text = String.valueOf(value).replaceAll("\\s+", " ").strip().replace("|", "/");
		return (text.length() <= MAX_CELL) ? text : text.substring(0, MAX_CELL - 1) + "…";
	}

}
