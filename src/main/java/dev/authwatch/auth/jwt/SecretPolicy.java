package dev.authwatch.auth.jwt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes an HS256 secret acceptable: its length (jjwt's own rule, RFC 7518 §3.2) and
 * its format (not a known placeholder, not one repeated character, enough distinct bytes,
 * not guessable by {@link SecretStrength}'s estimate, no surrounding whitespace or
 * quotes): RFC 8725 §3.5, human-memorable passwords must not be used as keys. Problems
 * are sentences that never quote the secret.
 */
public final class SecretPolicy {

	/** HS256 needs a key of at least 256 bits (RFC 7518 §3.2; jjwt enforces it). */
	public static final int MIN_SECRET_BYTES = 32;

	static final int MIN_DISTINCT_BYTES = 10;

	/**
	 * Estimated bits a secret must reach: secrets written by hand score below 100, random
	 * ones of 32 bytes or more above 140 (of 20,000 {@code openssl rand -hex 16}, the
	 * weakest random kind this length allows, two scored below).
	 */
	static final int MIN_ESTIMATED_BITS = 112;

	private static final Set<String> PLACEHOLDERS = Set.of("changeme", "changeit", "secret", "yoursecrethere",
			"yoursecret", "yoursecretkey", "mysecret", "jwtsecret", "secretkey", "supersecret", "password", "default",
			"example", "replaceme", "test", "todo", "xxx", "dummy");

	private static final List<String> PLACEHOLDER_MARKERS = List.of("changeme", "yoursecret", "replaceme",
			"placeholder");

	private SecretPolicy() {
	}

	/**
	 * @param lengthBytes the secret's length in bytes (a number is safe to publish)
	 * @param problems one sentence per failed rule, starting with "it", e.g. "it is a
	 * known placeholder"
	 */
	public record Assessment(int lengthBytes, boolean lengthValid, boolean formatValid, List<String> problems) {

		public boolean acceptable() {
			return this.lengthValid && this.formatValid;
		}

	}

	public static Assessment assess(byte[] secret) {
		List<String> problems = new ArrayList<>();
		boolean lengthValid = secret.length >= MIN_SECRET_BYTES;
		if (!lengthValid) {
			problems.add("it is " + secret.length + " bytes long; HS256 needs at least " + MIN_SECRET_BYTES + " bytes");
		}
		int before = problems.size();
		int estimatedBits = SecretStrength.estimatedBits(secret);
		if (isPlaceholder(secret)) {
			problems.add("it is a known placeholder value");
		}
		else if (isOneRepeatedByte(secret)) {
			problems.add("it is a single repeated character");
		}
		else if (distinctBytes(secret) < MIN_DISTINCT_BYTES) {
			problems.add("it has fewer than " + MIN_DISTINCT_BYTES + " distinct bytes");
		}
		else if (estimatedBits < MIN_ESTIMATED_BITS) {
			problems.add("it looks guessable, made of words, sequences or repetitions (about " + estimatedBits
					+ " bits by estimate; " + MIN_ESTIMATED_BITS + " needed)");
		}
		if (hasSurroundingWhitespaceOrQuotes(secret)) {
			problems.add("it starts or ends with whitespace or a quote (copied with its quoting?)");
		}
		return new Assessment(secret.length, lengthValid, problems.size() == before, List.copyOf(problems));
	}

	private static boolean isPlaceholder(byte[] secret) {
		String normalized = new String(secret, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]", "");
		if (normalized.isEmpty()) {
			return false;
		}
		for (String marker : PLACEHOLDER_MARKERS) {
			if (normalized.contains(marker)) {
				return true;
			}
		}
		for (String placeholder : PLACEHOLDERS) {
			if (normalized.length() % placeholder.length() == 0
					&& normalized.equals(placeholder.repeat(normalized.length() / placeholder.length()))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isOneRepeatedByte(byte[] secret) {
		for (byte b : secret) {
			if (b != secret[0]) {
				return false;
			}
		}
		return secret.length > 0;
	}

	private static int distinctBytes(byte[] secret) {
		Set<Byte> distinct = new HashSet<>();
		for (byte b : secret) {
			distinct.add(b);
		}
		return distinct.size();
	}

	private static boolean hasSurroundingWhitespaceOrQuotes(byte[] secret) {
		if (secret.length == 0) {
			return false;
		}
		return isWhitespaceOrQuote(secret[0]) || isWhitespaceOrQuote(secret[secret.length - 1]);
	}

	private static boolean isWhitespaceOrQuote(byte b) {
		return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '"' || b == '\'';
	}

}
