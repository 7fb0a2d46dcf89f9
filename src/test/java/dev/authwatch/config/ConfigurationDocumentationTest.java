package dev.authwatch.config;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md against the configuration metadata the build generates from the
 * {@code @ConfigurationProperties} records: every {@code authwatch.*} property has its
 * row, and every row names a property that exists.
 */
class ConfigurationDocumentationTest {

	private static final Path DOCUMENT = Path.of("docs/configuration.md");

	/** The first cell of a table row: {@code | `authwatch.x.y` |}. */
	private static final Pattern ROW = Pattern.compile("^\\| `(authwatch\\.[^`]+)` \\|", Pattern.MULTILINE);

	@Test
	void everyPropertyIsDocumentedAndEveryDocumentedPropertyExists() throws Exception {
		Set<String> bound = boundProperties();
		Set<String> documented = documentedProperties();
		assertThat(bound).as("the configuration metadata lists the authwatch properties").isNotEmpty();
		assertThat(bound).as("authwatch properties missing from %s", DOCUMENT).isSubsetOf(documented);
		assertThat(documented).as("properties in %s that the service does not bind", DOCUMENT).isSubsetOf(bound);
	}

	private static Set<String> boundProperties() throws Exception {
		try (InputStream metadata = ConfigurationDocumentationTest.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("spring-configuration-metadata.json on the class path").isNotNull();
			JsonNode properties = JsonMapper.builder().build().readTree(metadata).path("properties");
			return StreamSupport.stream(properties.spliterator(), false)
				.map((property) -> property.path("name").asString())
				.filter((name) -> name.startsWith("authwatch."))
				.collect(TreeSet::new, Set::add, Set::addAll);
		}
	}

	private static Set<String> documentedProperties() throws Exception {
		Set<String> documented = new TreeSet<>();
		Matcher rows = ROW.matcher(Files.readString(DOCUMENT));
		while (rows.find()) {
			assertThat(documented.add(rows.group(1))).as("%s is documented once", rows.group(1)).isTrue();
		}
		return documented;
	}

}
