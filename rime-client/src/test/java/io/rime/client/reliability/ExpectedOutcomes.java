package io.rime.client.reliability;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What every cell of the fault matrix must come to, written by hand from the documented retry
 * rules (README, "Retry and idempotency"), not read from the code under test:
 * <ul>
 * <li>A read (GET) is retried on an I/O failure (refused, closed, reset, a read timeout, a body
 * cut short of its length) and on 408, 429, 502, 503 and 504, at most 1 + 3 times: a fault that
 * fires twice ends in success ({@code OK}); one that fires every time ends in the typed error
 * of its last attempt.</li>
 * <li>A POST (create a project, register data or a model, start a test, cancel) is retried only
 * when the server cannot have acted: connection refused, 429, 503. Without honoured idempotency
 * keys (the matrix's client) any other transient failure ends it at once.</li>
 * <li>500, other 4xx, a 2xx that is not JSON, empty or of the wrong shape are not retried: a
 * {@code RimeApiException} with the status, or a {@code RimeException}. A cancel reads no answer
 * body, so an empty or wrong-typed 200 is a success for it.</li>
 * <li>A page token whose page then answers 404 is an error, never a shorter listing.</li>
 * <li>A DELETE is retried as a read is (deleting twice is harmless; the second finds nothing and
 * answers {@code false}). It reads no answer body, so an empty or wrong-typed 200 is a success, and a
 * body cut short is retried like any I/O failure. The datasets and models of the matrix's project fit
 * one page, so a paging fault cannot reach their lists.</li>
 * </ul>
 * Tokens: {@code OK} success, and the fault must have fired; {@code -} success, and the fault
 * cannot reach the operation (it must not fire); {@code Conn} a {@code RimeConnectionException};
 * {@code ApiNNN} a {@code RimeApiException} with HTTP status NNN; {@code Rime} a
 * {@code RimeException}. A failure must also have fired its fault.
 */
final class ExpectedOutcomes {

	// Columns in FaultCase order:
	// none refused closed reset 429 500 502 503 504 stall html502 html200 empty200 wrongtypes
	// paging404 streamcut apply+fail cutname cutvalue cutentries cutelements cutpage
	private static final String TABLE = """
			CREATE_PROJECT        OK Conn Conn Conn OK Api500 Api502 OK Api504 Conn Api502 Rime Rime Rime -      -    Conn Conn Conn Conn Conn -
			GET_PROJECT           OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			LIST_PROJECTS         OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime Api404 -    OK   OK   OK   OK   OK   -
			START_SEED_CONFIG     OK Conn Conn Conn OK Api500 Api502 OK Api504 Conn Api502 Rime Rime Rime -      -    Conn Conn Conn Conn Conn -
			START_V1_CONFIG       OK Conn Conn Conn OK Api500 Api502 OK Api504 Conn Api502 Rime Rime Rime -      -    Conn Conn Conn Conn Conn -
			LIST_JOBS             OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime Api404 -    OK   OK   OK   OK   OK   -
			LIST_JOBS_OF_PROJECT  OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime Api404 -    OK   OK   OK   OK   OK   -
			LIST_JOB_STATUSES     OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime Api404 -    OK   OK   OK   OK   OK   -
			GET_JOB               OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			GET_RIME_INFO         OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			GET_STATUS            OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			GET_STATUS_WAITING    OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			WAIT_UNTIL_FINISH     OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			WHEN_FINISHED         OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			GET_RESULT_CSV        OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime Api404 Conn OK   OK   OK   OK   OK   OK
			GET_RESULT_CSV_PINNED OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime Api404 Conn OK   OK   OK   OK   OK   OK
			CANCEL                OK Conn Conn Conn OK Api500 Api502 OK Api504 Conn Api502 Rime OK   OK   -      -    Conn Conn Conn Conn Conn -
			CREATE_PROJECT_WITH_TASK OK Conn Conn Conn OK Api500 Api502 OK Api504 Conn Api502 Rime Rime Rime -      -    Conn Conn Conn Conn Conn -
			DELETE_PROJECT        OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime OK   OK   -      -    OK   OK   OK   OK   OK   -
			START_TWO_X_CONFIG    OK Conn Conn Conn OK Api500 Api502 OK Api504 Conn Api502 Rime Rime Rime -      -    Conn Conn Conn Conn Conn -
			START_TYPED_CONFIG    OK Conn Conn Conn OK Api500 Api502 OK Api504 Conn Api502 Rime Rime Rime -      -    Conn Conn Conn Conn Conn -
			REGISTER_DATASET      OK Conn Conn Conn OK Api500 Api502 OK Api504 Conn Api502 Rime Rime Rime -      -    Conn Conn Conn Conn Conn -
			REGISTER_MODEL        OK Conn Conn Conn OK Api500 Api502 OK Api504 Conn Api502 Rime Rime Rime -      -    Conn Conn Conn Conn Conn -
			GET_DATASET           OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			GET_DATASET_BY_NAME   OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			LIST_DATASETS         OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			DELETE_DATASET        OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime OK   OK   -      -    OK   OK   OK   OK   OK   -
			GET_MODEL             OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			GET_MODEL_BY_NAME     OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			LIST_MODELS           OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			DELETE_MODEL          OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime OK   OK   -      -    OK   OK   OK   OK   OK   -
			GET_TEST_RUN          OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime -      -    OK   OK   OK   OK   OK   -
			STREAM_TEST_CASES     OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime Api404 Conn OK   OK   OK   OK   OK   OK
			STREAM_FAILURES       OK Conn OK   Conn OK Api500 OK     OK OK     OK   Api502 Rime Rime Rime Api404 Conn OK   OK   OK   OK   OK   OK
			""";

	private static final Map<MatrixOperation, Map<FaultCase, Expected>> CELLS = parse();

	private ExpectedOutcomes() {
	}

	static Expected of(MatrixOperation operation, FaultCase fault) {
		return CELLS.get(operation).get(fault);
	}

	private static Map<MatrixOperation, Map<FaultCase, Expected>> parse() {
		Map<MatrixOperation, Map<FaultCase, Expected>> cells = new EnumMap<>(MatrixOperation.class);
		for (String line : TABLE.strip().split("\n")) {
			List<String> tokens = List.of(line.strip().split("\\s+"));
			MatrixOperation operation = MatrixOperation.valueOf(tokens.get(0));
			if (tokens.size() != FaultCase.values().length + 1) {
				throw new IllegalStateException("The expected row of " + operation + " has " + (tokens.size() - 1)
						+ " cells; the matrix has " + FaultCase.values().length + " faults");
			}
			Map<FaultCase, Expected> row = new EnumMap<>(FaultCase.class);
			for (FaultCase fault : FaultCase.values()) {
				String token = tokens.get(fault.ordinal() + 1);
				row.put(fault, token.equals("-") ? new Expected("OK", false) : new Expected(token, true));
			}
			cells.put(operation, row);
		}
		if (cells.size() != MatrixOperation.values().length) {
			throw new IllegalStateException("The expected table has " + cells.size() + " rows; the matrix has "
					+ MatrixOperation.values().length + " operations");
		}
		return cells;
	}

	/**
	 * One cell's expectation.
	 *
	 * @param outcome {@code OK}, {@code Conn}, {@code ApiNNN} or {@code Rime}
	 * @param faultFires whether the fault must fire for the operation (otherwise it must not)
	 */
	record Expected(String outcome, boolean faultFires) {

		@Override
		public String toString() {
			return this.faultFires ? this.outcome : "- (not hit)";
		}

	}

}
