package io.rime.starter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rime-bom} lists exactly the modules that are published, and the parent manages the same
 * ones for the build.
 */
class BomTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private static final Pattern MANAGED = Pattern
		.compile("<groupId>io\\.rime</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>\\$\\{project\\.version}</version>");

	@Test
	void theBomListsExactlyThePublishedModules() throws Exception {
		Set<String> published = new TreeSet<>();
		for (String module : matches(MODULE, Files.readString(ROOT.resolve("pom.xml")))) {
			String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
			if (!module.equals("rime-bom") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
				published.add(module);
			}
		}

		assertThat(published).contains("rime-client", "rime-spring-boot-starter", "rime-spring-boot-test")
			.doesNotContain("sample-app", "rime-benchmarks");
		assertThat(new TreeSet<>(matches(MANAGED, Files.readString(ROOT.resolve("rime-bom/pom.xml")))))
			.isEqualTo(published);
		assertThat(new TreeSet<>(matches(MANAGED, Files.readString(ROOT.resolve("pom.xml"))))).isEqualTo(published);
	}

	@Test
	void theBomHasNoParentSoItManagesOnlyRimeArtifacts() throws Exception {
		String bom = Files.readString(ROOT.resolve("rime-bom/pom.xml"));

		assertThat(bom).doesNotContain("<parent>").contains("<packaging>pom</packaging>", "<licenses>", "<scm>",
				"<developers>", "<url>");
		assertThat(bom).containsPattern("<artifactId>rime-bom</artifactId>\\s*<version>"
				+ Pattern.quote(version(Files.readString(ROOT.resolve("pom.xml")))) + "</version>");
	}

	private static String version(String parentPom) {
		Matcher matcher = Pattern.compile("<artifactId>rime-spring-boot-parent</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(parentPom);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static List<String> matches(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
