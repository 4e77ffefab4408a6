package io.rime.emulator.internal.checks;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a CSV field's bytes mean: null as pandas reads a CSV (its default NA strings, and an empty
 * field, quoted or not), or a number. Works on bytes, because a String per field and
 * an exception per non-number would make a pass several times slower.
 */
final class Cells {

	/** pandas' default NA strings ({@code STR_NA_VALUES}), besides the empty field. */
	static final List<String> NULL_TOKENS = List.of("#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
			"1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

	/** The FNV-1a offset basis, where a row's hash starts. */
	static final long HASH_SEED = 0xCBF29CE484222325L;

	private static final byte[][] NULLS = NULL_TOKENS.stream()
		.map((token) -> token.getBytes(StandardCharsets.US_ASCII))
		.toArray(byte[][]::new);

	private static final double[] POWERS = new double[23];

	static {
		POWERS[0] = 1;
		for (int i = 1; i < POWERS.length; i++) {
			POWERS[i] = POWERS[i - 1] * 10;
		}
	}

	private Cells() {
	}

	static boolean isNull(byte[] bytes, int start, int end) {
		int length = end - start;
		if (length == 0) {
			return true;
		}
		if (length > 8) {
			return false;
		}
		for (byte[] token : NULLS) {
			if (token.length == length && matches(bytes, start, token)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(byte[] bytes, int start, byte[] token) {
		for (int i = 0; i < token.length; i++) {
			if (bytes[start + i] != token[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Parses a number as pandas would, or returns NaN when the field is not one.
	 * @param bytes the record's bytes
	 * @param start the field's start
	 * @param end the field's end
	 * @return the value, or NaN
	 */
	static double number(byte[] bytes, int start, int end) {
		int i = start;
		boolean negative = false;
		if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
			negative = bytes[i] == '-';
			i++;
		}
		long mantissa = 0;
		int digits = 0;
		int scale = 0;
		boolean dot = false;
		boolean simple = true;
		for (; i < end; i++) {
			byte b = bytes[i];
			if (b >= '0' && b <= '9') {
				if (digits < 18) {
					mantissa = mantissa * 10 + (b - '0');
					if (mantissa != 0) {
						digits++;
					}
					if (dot) {
						scale++;
					}
				}
				else {
					simple = false;
				}
			}
			else if (b == '.' && !dot) {
				dot = true;
			}
			else if (b == 'e' || b == 'E') {
				simple = false;
			}
			else if ((b == '-' || b == '+') && i > start && (bytes[i - 1] == 'e' || bytes[i - 1] == 'E')) {
				simple = false;
			}
			else {
				return Double.NaN;
			}
		}
		int length = end - start;
		if (length == 0 || (length == 1 && (dot || negative || bytes[start] == '+'))) {
			return Double.NaN;
		}
		if (simple && mantissa < (1L << 53) && scale < POWERS.length) {
			// both operands are exact, so the quotient is the correctly rounded value
			double value = mantissa / POWERS[scale];
			return negative ? -value : value;
		}
		try {
			return Double.parseDouble(new String(bytes, start, length, StandardCharsets.US_ASCII));
		}
		catch (NumberFormatException ex) {
			// only digits, signs, a dot and exponents got here, so this is rare: "1e", "--1"
			return Double.NaN;
		}
	}

	/** FNV-1a over the field's bytes, continuing a row's hash. */
	static long hash(long hash, byte[] bytes, int start, int end) {
		long h = hash;
		for (int i = start; i < end; i++) {
			h = (h ^ (bytes[i] & 0xFF)) * 0x100000001B3L;
		}
		return (h ^ 0x1F) * 0x100000001B3L;
	}

	/** SplitMix64's finaliser, to spread a hash over the bits a table uses. */
	static long mix(long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
