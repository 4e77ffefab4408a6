package io.rime.emulator.internal.checks;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * The two streaming passes: one over the reference (profiles every column and samples rows for
 * the quantile grids), then one over the evaluation (counts against the reference's types). Each
 * reads its file once, holds state bounded by the column count, and checks for cancellation every
 * {@link DataChecks#CHECKPOINT_ROWS} rows.
 */
final class Passes {

	static final int SAMPLE_ROWS = 65_536;

	private static final long SAMPLE_SEED = 0x5EED_0F_D47AL;

	private Passes() {
	}

	/**
	 * The result of the reference pass.
	 *
	 * @param header the columns
	 * @param columns the typed columns, by header position; null for excluded columns
	 * @param rows the row counts
	 */
	record Reference(List<String> header, @Nullable ColumnModel[] columns, RowCounts rows) {
	}

	/**
	 * The result of the evaluation pass.
	 *
	 * @param columns what was counted per reference column, by reference header position
	 * @param rows the row counts
	 */
	record Evaluation(@Nullable EvalColumn[] columns, RowCounts rows) {
	}

	static Reference reference(DataCheckSpec spec, Path file, Progress progress) {
		try (CsvScanner csv = new CsvScanner(file, spec.referenceName())) {
			List<String> header = csv.header();
			requireLabel(spec, csv, header);
			int width = header.size();
			boolean[] feature = features(spec, header);
			ReferenceColumn[] columns = new ReferenceColumn[width];
			for (int i = 0; i < width; i++) {
				if (!spec.excludedColumns().contains(header.get(i))) {
					columns[i] = new ReferenceColumn(header.get(i), SAMPLE_ROWS);
				}
			}
			RowCounts rows = new RowCounts(count(feature));
			SplittableRandom random = new SplittableRandom(SAMPLE_SEED);
			long row = 0;
			while (csv.next()) {
				// reservoir sampling of rows (algorithm R): every column keeps the same rows
				int slot = (row < SAMPLE_ROWS) ? (int) row : (int) Math.min(random.nextLong(row + 1), SAMPLE_ROWS);
				slot = (slot == SAMPLE_ROWS) ? -1 : slot;
				byte[] bytes = csv.bytes();
				int nulls = 0;
				long hash = Cells.HASH_SEED;
				for (int i = 0; i < width; i++) {
					ReferenceColumn column = columns[i];
					if (column == null) {
						continue;
					}
					int start = csv.start(i);
					int end = csv.end(i);
					hash = Cells.hash(hash, bytes, start, end);
					if (column.add(bytes, start, end, slot) && feature[i]) {
						nulls++;
					}
				}
				rows.add(nulls, hash);
				if (++row % DataChecks.CHECKPOINT_ROWS == 0) {
					progress.checkpoint(csv.bytesRead());
				}
			}
			progress.checkpoint(csv.bytesRead());
			ColumnModel[] models = new ColumnModel[width];
			for (int i = 0; i < width; i++) {
				if (columns[i] != null) {
					models[i] = new ColumnModel(columns[i], i, spec.categoricalFeatures().contains(header.get(i)));
					columns[i] = null; // the sample is no longer needed
				}
			}
			return new Reference(header, models, rows);
		}
	}

	static Evaluation evaluation(DataCheckSpec spec, @Nullable Reference reference, Progress progress, long bytesBefore) {
		try (CsvScanner csv = new CsvScanner(spec.evaluation(), spec.evaluationName())) {
			List<String> header = csv.header();
			requireLabel(spec, csv, header);
			List<String> columns = (reference != null) ? reference.header() : header;
			int[] position = new int[columns.size()];
			EvalColumn[] counts = new EvalColumn[columns.size()];
			for (int i = 0; i < columns.size(); i++) {
				position[i] = header.indexOf(columns.get(i));
				if (position[i] < 0) {
					throw new MalformedCsvException(csv.name(), csv.line(), "the reference column '" + columns.get(i)
							+ "' is missing; its columns are " + String.join(", ", header));
				}
				ColumnModel model = (reference != null) ? reference.columns()[i] : null;
				counts[i] = (model != null) ? new EvalColumn(model) : null;
			}
			boolean[] feature = features(spec, columns);
			RowCounts rows = new RowCounts(count(feature));
			long row = 0;
			while (csv.next()) {
				byte[] bytes = csv.bytes();
				int nulls = 0;
				long hash = Cells.HASH_SEED;
				for (int i = 0; i < columns.size(); i++) {
					if (spec.excludedColumns().contains(columns.get(i))) {
						continue;
					}
					int start = csv.start(position[i]);
					int end = csv.end(position[i]);
					hash = Cells.hash(hash, bytes, start, end);
					if (feature[i] && Cells.isNull(bytes, start, end)) {
						nulls++;
					}
					EvalColumn column = counts[i];
					if (column != null) {
						column.add(bytes, start, end, row);
					}
				}
				rows.add(nulls, hash);
				if (++row % DataChecks.CHECKPOINT_ROWS == 0) {
					progress.checkpoint(bytesBefore + csv.bytesRead());
				}
			}
			progress.checkpoint(bytesBefore + csv.bytesRead());
			return new Evaluation(counts, rows);
		}
	}

	/** The evaluation header, when there is no reference to type its columns. */
	static List<String> header(DataCheckSpec spec) {
		try (CsvScanner csv = new CsvScanner(spec.evaluation(), spec.evaluationName())) {
			return csv.header();
		}
	}

	private static void requireLabel(DataCheckSpec spec, CsvScanner csv, List<String> header) {
		String label = spec.labelColumn();
		if (label != null && !header.contains(label)) {
			throw new MalformedCsvException(csv.name(), 1,
					"the label column '" + label + "' is missing; its columns are " + String.join(", ", header));
		}
	}

	private static boolean[] features(DataCheckSpec spec, List<String> header) {
		boolean[] feature = new boolean[header.size()];
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			feature[i] = !name.equals(spec.labelColumn()) && !spec.excludedColumns().contains(name);
		}
		return feature;
	}

	private static int count(boolean[] flags) {
		int count = 0;
		for (boolean flag : flags) {
			count += flag ? 1 : 0;
		}
		return count;
	}


}
