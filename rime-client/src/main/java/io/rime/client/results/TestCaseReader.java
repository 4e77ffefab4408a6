package io.rime.client.results;

import java.util.Collection;
import java.util.stream.Stream;

/**
 * Reads a test run's test cases as a lazily paged stream; the SDK's reads RIME, a test's can read a list.
 */
@FunctionalInterface
public interface TestCaseReader {

	/**
	 * Open a stream of test cases.
	 * @param testTypes the test types to select, empty for all
	 * @param features the features to select, empty for all
	 * @return the test cases; close it to stop reading
	 */
	Stream<TestCase> read(Collection<String> testTypes, Collection<String> features);

}
