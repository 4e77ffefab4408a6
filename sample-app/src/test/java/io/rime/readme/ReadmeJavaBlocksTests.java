package io.rime.readme;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of the README compiles as pasted, together, against the
 * published modules and the test support: a block that declares a type is a source file of its own
 * (so the README's test of {@code ModelGate} compiles against the README's {@code ModelGate}); a
 * block of statements is compiled as the body of a method after its imports. A block added to the
 * README is compiled here without anything to register, so it cannot miss an import or a
 * declaration.
 */
class ReadmeJavaBlocksTests {

	private static final Pattern TYPE = Pattern
		.compile("^(?:public |final |abstract )*(?:class|record|interface|enum|@interface) (\\w+)", Pattern.MULTILINE);

	@TempDir
	Path classes;

	@Test
	void everyJavaBlockOfTheReadmeCompilesAsPasted() throws Exception {
		List<Block> blocks = blocks(Files.readString(Path.of("..", "README.md")));
		List<JavaFileObject> sources = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			sources.add(blocks.get(i).source(i));
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();

		boolean compiled = compiler
			.getTask(null, null, diagnostics, List.of("--release", "17", "-proc:none", "-classpath", classPath(), "-d",
					this.classes.toString()), null, sources)
			.call();

		assertThat(blocks).as("java blocks of the README").hasSizeGreaterThanOrEqualTo(8);
		assertThat(diagnostics.getDiagnostics().stream()
			.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
			.map((diagnostic) -> diagnostic.getSource().toUri() + ":" + diagnostic.getLineNumber() + ": "
					+ diagnostic.getMessage(Locale.ROOT))
			.toList()).as("compiler errors").isEmpty();
		assertThat(compiled).isTrue();
	}

	@Test
	void aBlockOfStatementsIsCompiledInAMethodAndABlockWithATypeAsItsOwnFile() {
		List<Block> blocks = blocks("""
				## One
				```java
				import java.util.List;

				List<String> names = List.of();
				```
				## Two
				```java
				import java.util.List;

				@Deprecated
				class Names {
				}
				```
				""");

		assertThat(blocks).extracting(Block::section).containsExactly("## One", "## Two");
		assertThat(blocks.get(0).source(0).getName()).endsWith("ReadmeBlock0.java");
		assertThat(blocks.get(1).source(1).getName()).endsWith("Names.java");
	}

	private static List<Block> blocks(String readme) {
		List<Block> blocks = new ArrayList<>();
		Matcher block = Pattern.compile("^```java\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL).matcher(readme);
		while (block.find()) {
			int heading = readme.lastIndexOf("\n#", block.start());
			String section = readme.substring(heading + 1, readme.indexOf('\n', heading + 1));
			blocks.add(new Block(section, block.group(1)));
		}
		return blocks;
	}

	private static String classPath() {
		// Surefire may start the JVM with a manifest-only jar; it names the real class path here.
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	/**
	 * One {@code ```java} block.
	 *
	 * @param section the heading it is under
	 * @param code what it shows
	 */
	record Block(String section, String code) {

		JavaFileObject source(int index) {
			Matcher type = TYPE.matcher(this.code);
			if (type.find()) {
				return new Source(type.group(1), this.code, this.section);
			}
			String imports = this.code.lines()
				.filter((line) -> line.startsWith("import "))
				.collect(Collectors.joining("\n"));
			String statements = this.code.lines()
				.filter((line) -> !line.startsWith("import "))
				.collect(Collectors.joining("\n"));
			String name = "ReadmeBlock" + index;
			return new Source(name,
					imports + "\nclass " + name + " {\nvoid example() throws Exception {\n" + statements + "\n}\n}\n",
					this.section);
		}

	}

	private static final class Source extends SimpleJavaFileObject {

		private final String code;

		Source(String name, String code, String section) {
			super(URI.create("string:///" + name + ".java?" + section.replaceAll("[^A-Za-z]+", "-")), Kind.SOURCE);
			this.code = code;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.code;
		}

	}

}
