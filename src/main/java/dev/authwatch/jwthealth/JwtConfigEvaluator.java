package dev.authwatch.jwthealth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.SecretPolicy;
import dev.authwatch.auth.jwt.SecretProvenance;
import org.jspecify.annotations.Nullable;

/**
 * Turns what is known about the configuration (provenance, self-test, peers, rotations)
 * into a {@link JwtHealthReport}: the checks, the score, the details and one actionable
 * sentence per failing check. Pure: the same inputs give the same report, for the
 * endpoint and the CLI alike.
 */
final class JwtConfigEvaluator {

	private JwtConfigEvaluator() {
	}

	static JwtHealthReport evaluate(JwtKeyRing keyRing, SelfTestResult selfTest, List<PeerView> peers,
			@Nullable Instant lastRotation, Instant now) {
		SecretProvenance provenance = keyRing.provenance();
		SecretPolicy.Assessment current = provenance.current();
		SecretPolicy.Assessment previous = provenance.previous();
		List<String> issues = new ArrayList<>();
		Map<ConfigCheck, Boolean> checks = new EnumMap<>(ConfigCheck.class);
		checks.put(ConfigCheck.SECRET_AVAILABLE, current != null);
		checks.put(ConfigCheck.SECRET_LENGTH,
				current != null && current.lengthValid() && (previous == null || previous.lengthValid()));
		checks.put(ConfigCheck.SECRET_FORMAT,
				current != null && current.formatValid() && (previous == null || previous.formatValid()));
		checks.put(ConfigCheck.CROSS_SERVICE_CONSISTENCY,
				keyRing.usable() && peers.stream().noneMatch(PeerView::drift));
		checks.put(ConfigCheck.ENVIRONMENT_ALIGNED, provenance.environmentAligned());
		checks.put(ConfigCheck.SELF_TEST, selfTest.passed());
		if (current == null) {
			issues.add("No JWT secret is configured: set " + provenance.expectedSource()
					+ (provenance.expectedSource().equals("JWT_SECRET") ? "" : " (or JWT_SECRET)")
					+ " or JWT_SECRET_FILE to at least " + SecretPolicy.MIN_SECRET_BYTES
					+ " random bytes; JWT handshakes are refused until then.");
		}
		else {
			secretIssues(provenance.source(), current, issues);
		}
		if (previous != null) {
			secretIssues("JWT_PREVIOUS_SECRET", previous, issues);
		}
		if (!selfTest.passed() && current != null && current.lengthValid()) {
			issues.add("The self-test could not sign and verify a probe token: " + selfTest.problem() + ".");
		}
		peerIssues(keyRing, peers, issues);
		alignmentIssues(provenance, issues);
		int score = JwtHealthScore.score(checks);
		return new JwtHealthReport(JwtHealthScore.status(checks, score), score, Collections.unmodifiableMap(checks),
				details(keyRing, checks, peers, lastRotation, now), List.copyOf(issues));
	}

	private static void secretIssues(String name, SecretPolicy.Assessment assessment, List<String> issues) {
		List<String> problems = assessment.problems();
		if (!assessment.lengthValid()) {
			issues.add(name + " is too short: " + problems.get(0)
					+ ". Generate a new one with `java -jar authwatch.jar rotate`" + " or `openssl rand -base64 48`.");
		}
		if (!assessment.formatValid()) {
			List<String> format = assessment.lengthValid() ? problems : problems.subList(1, problems.size());
			issues.add(name + " has a weak format: " + String.join("; ", format)
					+ ". Replace it with a random value of at least " + SecretPolicy.MIN_SECRET_BYTES + " bytes.");
		}
	}

	private static void peerIssues(JwtKeyRing keyRing, List<PeerView> peers, List<String> issues) {
		String own = keyRing.usable() ? keyRing.current().kid() : null;
		for (PeerView peer : peers) {
			if (peer.drift()) {
				String what = (peer.keyId() != null)
						? " signs with key id " + peer.keyId() + " but this instance uses " + own
						: ": " + peer.problem() + ", while this instance uses key id " + own;
				issues.add("Configuration drift: " + peer.peer() + " (via " + peer.via() + ")" + what
						+ "; tokens from one are rejected by the other. Give every instance the same JWT secret.");
			}
			else if (peer.unknown() && own != null) {
				issues.add("Consistency with " + peer.peer() + " is unknown: " + peer.problem() + ".");
			}
		}
	}

	private static void alignmentIssues(SecretProvenance provenance, List<String> issues) {
		if (!provenance.available()) {
			return;
		}
		for (String conflict : provenance.conflicts()) {
			issues.add("Precedence conflict: the secret comes from " + provenance.source() + ", but " + conflict
					+ " is also set to a different value; remove or correct " + conflict + ".");
		}
		if (!provenance.developmentEnvironment() && !provenance.expectedSource().equals(provenance.source())) {
			issues.add("Environment '" + provenance.environment() + "' should take its secret from "
					+ provenance.expectedSource() + ", but it comes from " + provenance.source() + "; set "
					+ provenance.expectedSource() + ".");
		}
	}

	private static Map<String, Object> details(JwtKeyRing keyRing, Map<ConfigCheck, Boolean> checks,
			List<PeerView> peers, @Nullable Instant lastRotation, Instant now) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (ConfigCheck check : List.of(ConfigCheck.SECRET_AVAILABLE, ConfigCheck.SECRET_LENGTH,
				ConfigCheck.SECRET_FORMAT, ConfigCheck.CROSS_SERVICE_CONSISTENCY, ConfigCheck.ENVIRONMENT_ALIGNED)) {
			details.put(check.detailKey(), checks.get(check));
		}
		// Only the fingerprint of a usable key is published: one of a weak secret would
		// confirm a guess.
		details.put("key_id", keyRing.usable() ? keyRing.current().kid() : null);
		details.put("secret_source", keyRing.secretSource());
		details.put("last_rotation", (lastRotation != null) ? lastRotation.toString() : null);
		details.put("last_validated", now.toString());
		details.put(ConfigCheck.SELF_TEST.detailKey(), checks.get(ConfigCheck.SELF_TEST));
		details.put("environment", keyRing.provenance().environment());
		details.put("previous_key_id", keyRing.previous().map((key) -> key.kid()).orElse(null));
		details.put("peers", peers.stream().map(JwtConfigEvaluator::peerDetail).toList());
		return details;
	}

	private static Map<String, Object> peerDetail(PeerView peer) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("peer", peer.peer());
		detail.put("via", peer.via());
		detail.put("key_id", peer.keyId());
		detail.put("status", peer.status());
		if (peer.problem() != null) {
			detail.put("problem", peer.problem());
		}
		return detail;
	}

}
