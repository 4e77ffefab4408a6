package io.rime.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the project's test sources the way a reviewer would, to find tests that cannot fail: a
 * test method that reaches no assertion, or an assertion behind an {@code if} that skips it. A
 * text scan, not a compiler: comments and literals are blanked first, and a test counts as
 * asserting when it, or a method of its own file that it calls, calls {@code assert…},
 * {@code verify…}, {@code await…}, {@code expect…}, {@code fail}, {@code isThrownBy} or
 * {@code until…}.
 */
final class TestSources {

	private static final Pattern TEST_ANNOTATION = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest)\\b");

	private static final Pattern METHOD = Pattern.compile("(\\w+)\\s*\\([^;{}]*\\)\\s*(throws\\s+[\\w.,\\s]+)?\\{");

	private static final Pattern ASSERTION = Pattern
		.compile("\\b(assert\\w*|verify\\w*|await\\w*|expect\\w*|fail|isThrownBy|until\\w*)\\s*\\(");

	private static final Pattern IF = Pattern.compile("\\bif\\s*\\(");

	/** Loops, and lambdas run once per element, where an {@code if} picks the elements to check. */
	private static final Pattern LOOP = Pattern
		.compile("\\b(for|while)\\s*\\(|\\bdo\\s*\\{|\\.(forEach|allSatisfy|anySatisfy|noneSatisfy)\\(");

	private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized", "try",
			"return", "new", "super", "this");

	private TestSources() {
	}

	/**
	 * Return the test source files of every module under a folder.
	 * @param root the project folder
	 * @return the files, sorted
	 * @throws IOException if a folder cannot be read
	 */
	static List<Path> find(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().replace('\\', '/').contains("/src/test/java/")
					&& file.toString().endsWith(".java"))
				.sorted()
				.toList();
		}
	}

	/**
	 * Find what makes the tests of one source file unable to fail.
	 * @param name the file's name, for the findings
	 * @param source the file's text
	 * @return one line per finding: {@code name#method: what}
	 */
	static List<String> problems(String name, String source) {
		String code = blankCommentsAndLiterals(source);
		Map<String, String> bodies = new LinkedHashMap<>();
		List<String> tests = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Matcher method = METHOD.matcher(code);
		int from = 0;
		while (method.find(from)) {
			String methodName = method.group(1);
			int open = method.end() - 1;
			int close = closing(code, open);
			from = open + 1;
			if (close < 0 || KEYWORDS.contains(methodName)) {
				continue;
			}
			String body = code.substring(open, close + 1);
			bodies.merge(methodName, body, String::concat);
			if (TEST_ANNOTATION.matcher(annotations(code, method.start())).find()) {
				tests.add(methodName);
				skippableAssertions(body).forEach((condition) -> problems
					.add(name + "#" + methodName + ": an assertion only runs if" + condition + ", with no else"));
			}
		}
		Set<String> asserting = asserting(bodies);
		tests.stream()
			.filter((test) -> !asserting.contains(test))
			.forEach((test) -> problems.add(name + "#" + test + ": reaches no assertion"));
		return problems;
	}

	private static String annotations(String code, int methodStart) {
		String before = code.substring(Math.max(0, methodStart - 400), methodStart);
		int previous = Math.max(before.lastIndexOf(';'), Math.max(before.lastIndexOf('}'), before.lastIndexOf('{')));
		return before.substring(previous + 1);
	}

	private static Set<String> asserting(Map<String, String> bodies) {
		Set<String> asserting = new HashSet<>();
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Map.Entry<String, String> method : bodies.entrySet()) {
				if (!asserting.contains(method.getKey()) && (ASSERTION.matcher(method.getValue()).find()
						|| asserting.stream().anyMatch((callee) -> calls(method.getValue(), callee)))) {
					asserting.add(method.getKey());
					grew = true;
				}
			}
		}
		return asserting;
	}

	private static boolean calls(String body, String method) {
		return Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(|::" + Pattern.quote(method) + "\\b")
			.matcher(body)
			.find();
	}

	/** Conditions of {@code if} blocks, outside loops and without {@code else}, that hold an assertion. */
	private static List<String> skippableAssertions(String body) {
		List<int[]> loops = new ArrayList<>();
		Matcher loop = LOOP.matcher(body);
		while (loop.find()) {
			int open = body.indexOf('{', loop.end() - 1);
			int close = (open >= 0) ? closing(body, open) : -1;
			if (close > 0) {
				loops.add(new int[] { loop.start(), close });
			}
		}
		List<String> conditions = new ArrayList<>();
		Matcher condition = IF.matcher(body);
		while (condition.find()) {
			int start = condition.start();
			if (loops.stream().anyMatch((range) -> range[0] < start && start < range[1])) {
				continue;
			}
			int paren = condition.end() - 1;
			int end = closingParenthesis(body, paren);
			int next = end + 1;
			while (next < body.length() && Character.isWhitespace(body.charAt(next))) {
				next++;
			}
			if (end < 0 || next >= body.length() || body.charAt(next) != '{') {
				continue;
			}
			int blockEnd = closing(body, next);
			if (blockEnd > 0 && ASSERTION.matcher(body.substring(next, blockEnd)).find()
					&& !body.substring(blockEnd + 1).stripLeading().startsWith("else")) {
				conditions.add(body.substring(paren, end + 1).replaceAll("\\s+", " "));
			}
		}
		return conditions;
	}

	private static int closing(String code, int open) {
		return closing(code, open, '{', '}');
	}

	private static int closingParenthesis(String code, int open) {
		return closing(code, open, '(', ')');
	}

	private static int closing(String code, int open, char opening, char closing) {
		int depth = 0;
		for (int i = open; i < code.length(); i++) {
			if (code.charAt(i) == opening) {
				depth++;
			}
			else if (code.charAt(i) == closing && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** Comments and literals become spaces, so that braces and calls in them count for nothing. */
	static String blankCommentsAndLiterals(String code) {
		StringBuilder out = new StringBuilder(code.length());
		int i = 0;
		while (i < code.length()) {
			int end;
			if (code.startsWith("//", i)) {
				end = code.indexOf('\n', i);
			}
			else if (code.startsWith("/*", i)) {
				end = code.indexOf("*/", i + 2);
				end = (end < 0) ? -1 : end + 2;
			}
			else if (code.startsWith("\"\"\"", i)) {
				end = code.indexOf("\"\"\"", i + 3);
				end = (end < 0) ? -1 : end + 3;
			}
			else if (code.charAt(i) == '"' || code.charAt(i) == '\'') {
				end = i + 1;
				while (end < code.length() && code.charAt(end) != code.charAt(i)) {
					end += (code.charAt(end) == '\\') ? 2 : 1;
				}
				end++;
			}
			else {
				out.append(code.charAt(i++));
				continue;
			}
			end = (end < 0) ? code.length() : Math.min(end, code.length());
			out.append(" ".repeat(end - i));
			i = end;
		}
		return out.toString();
	}

}
