package dev.authwatch.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies between packages run one way: a feature owns its interfaces and
 * exceptions, and the implementations (memory, Redis) depend on the feature, never the
 * reverse. Every package, sub-packages such as {@code auth.jwt} included, is its own
 * slice, so a cycle between {@code auth} and {@code auth.ticket} fails here just as one
 * between {@code store} and {@code token} does.
 */
class PackageDependenciesTest {

	private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.authwatch");

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("dev.authwatch.(**)").should().beFreeOfCycles().check(PRODUCTION_CLASSES);
	}

}
