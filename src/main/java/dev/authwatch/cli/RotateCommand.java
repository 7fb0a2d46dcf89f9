package dev.authwatch.cli;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.authwatch.auth.jwt.KeyFingerprint;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rotate [--json]}: generates a strong new secret (48 random bytes, base64url),
 * prints it with its key id and the steps to roll it out with overlap, so no valid token
 * is ever rejected. The secret goes to standard output only: store it in the secret
 * manager, not in a log.
 */
final class RotateCommand {

	static final String USAGE = "java -jar authwatch.jar rotate [--json]";

	private RotateCommand() {
	}

	static int run(String[] args) {
		CommandOptions options = CommandOptions.parse(args, Set.of("json"), Set.of());
		if (options == null || !options.peers.isEmpty()) {
			CommandLine.usageError(System.err, "rotate takes only --json", USAGE);
			return ValidateCommand.USAGE_ERROR;
		}
		byte[] random = new byte[48];
		new SecureRandom().nextBytes(random);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String keyId = KeyFingerprint.of(secret.getBytes(StandardCharsets.UTF_8));
		List<String> steps = steps(keyId);
		if (options.has("json")) {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("secret", secret);
			out.put("key_id", keyId);
			out.put("steps", steps);
			System.out.println(JsonMapper.builder().build().writeValueAsString(out));
			return 0;
		}
		System.out.println("New JWT secret (store it in your secret manager; it is not shown again):");
		System.out.println("  " + secret);
		System.out.println("Key id (fingerprint, safe to share): " + keyId);
		System.out.println();
		System.out.println("Roll it out with overlap:");
		for (int i = 0; i < steps.size(); i++) {
			System.out.println("  " + (i + 1) + ". " + steps.get(i));
		}
		return 0;
	}

	static List<String> steps(String keyId) {
		return List.of(
				"Add it as previous everywhere: set JWT_PREVIOUS_SECRET to the new secret on every instance and restart "
						+ "them one by one. Every instance now accepts tokens signed with key id " + keyId
						+ " (check previous_key_id in /health/jwt).",
				"Switch current: set JWT_SECRET (or JWT_SECRET_<ENVIRONMENT>) to the new secret and JWT_PREVIOUS_SECRET to "
						+ "the old one, restarting instance by instance. /health/jwt key_id becomes " + keyId
						+ "; jwt_secret_rotations_total counts the rotation.",
				"Wait one access-token lifetime (authwatch.jwt.access-token-ttl, 15m by default) so that tokens signed "
						+ "with the old key expire.",
				"Remove the old key: unset JWT_PREVIOUS_SECRET everywhere and restart. Confirm with "
						+ "`java -jar authwatch.jar validate --peer http://<each instance>` (exit 0).");
	}

}
