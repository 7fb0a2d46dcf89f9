package dev.authwatch.jwthealth;

import org.jspecify.annotations.Nullable;

/**
 * Whether this instance signed and then verified a probe token with its own
 * configuration.
 */
record SelfTestResult(boolean passed, @Nullable String problem) {

	static SelfTestResult pass() {
		return new SelfTestResult(true, null);
	}

	static SelfTestResult fail(String problem) {
		return new SelfTestResult(false, problem);
	}

}
