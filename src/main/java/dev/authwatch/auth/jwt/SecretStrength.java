package dev.authwatch.auth.jwt;

import java.util.Comparator;
import java.util.List;

/**
 * A rough estimate of a secret's entropy in the manner of zxcvbn: each character costs
 * what guessing it among the character classes the secret uses costs, except what an
 * attacker's guesses cover cheaply: a common word, a keyboard row, a repeat of an earlier
 * part, the next step of a sequence ({@code abc}, {@code 123}, {@code aaa}) and a
 * separator used before. It is an estimate, meant to tell human-made secrets from random
 * ones: 48 random bytes in base64url (the generated development secret) score about 380
 * bits, {@code openssl rand -hex 32} about 300.
 */
final class SecretStrength {

	/** Only the first bytes are looked at: a long secret is judged by its start. */
	private static final int LOOKED_AT = 256;

	private static final int MIN_REPEAT = 3;

	/** Choosing among "same, one up, one down". */
	private static final double STEP_BITS = log2(3);

	/** Lower case, longest first; what secrets written by hand are made of. */
	private static final List<String> WORDS = List
		.of("qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertz", "azerty", "password", "passwd", "secret", "changeme",
				"change", "replace", "placeholder", "example", "sample", "default", "testing", "test", "demo", "dummy",
				"token", "jwt", "key", "signing", "hmac", "sha256", "hs256", "auth", "authwatch", "admin", "root",
				"user", "super", "my", "your", "the", "for", "and", "with", "dev", "development", "prod", "production",
				"staging", "local", "current", "previous", "next", "new", "old", "letmein", "welcome", "hello",
				"private", "public", "app", "api", "server", "service", "company", "please", "here", "this", "very",
				"long", "random", "string", "value", "bit", "insecure", "unsafe", "monitor", "integration", "generator",
				"load", "someone", "else", "foreign")
		.stream()
		.sorted(Comparator.comparingInt(String::length).reversed())
		.toList();

	private static final double WORD_BITS = log2(WORDS.size());

	private SecretStrength() {
	}

	static int estimatedBits(byte[] secret) {
		int length = Math.min(secret.length, LOOKED_AT);
		double characterBits = log2(alphabetSize(secret, length));
		double bits = 0;
		int i = 0;
		while (i < length) {
			int word = wordAt(secret, i, length);
			int repeat = (word == 0) ? repeatAt(secret, i, length) : 0;
			if (word > 0) {
				bits += WORD_BITS;
				i += word;
			}
			else if (repeat >= MIN_REPEAT) {
				bits += log2(i) + log2(repeat);
				i += repeat;
			}
			else {
				boolean step = i > 0 && Math.abs(secret[i] - secret[i - 1]) <= 1;
				bits += (step || isSeparatorSeenBefore(secret, i)) ? STEP_BITS : characterBits;
				i++;
			}
		}
		return (int) bits;
	}

	/** The size of the union of the character classes the secret uses. */
	private static int alphabetSize(byte[] secret, int length) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean symbol = false;
		boolean other = false;
		for (int i = 0; i < length; i++) {
			byte b = secret[i];
			lower |= b >= 'a' && b <= 'z';
			upper |= b >= 'A' && b <= 'Z';
			digit |= b >= '0' && b <= '9';
			symbol |= isSymbol(b);
			other |= b < ' ' || b > '~';
		}
		return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 128 : 0);
	}

	private static boolean isSymbol(byte b) {
		return b >= ' ' && b <= '~' && !Character.isLetterOrDigit(b);
	}

	private static boolean isSeparatorSeenBefore(byte[] secret, int index) {
		if (!isSymbol(secret[index])) {
			return false;
		}
		for (int i = 0; i < index; i++) {
			if (secret[i] == secret[index]) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The length of the longest word at {@code index}, ignoring the case of ASCII
	 * letters; 0 for none.
	 */
	private static int wordAt(byte[] secret, int index, int length) {
		for (String word : WORDS) {
			if (index + word.length() <= length && matches(secret, index, word)) {
				return word.length();
			}
		}
		return 0;
	}

	private static boolean matches(byte[] secret, int index, String word) {
		for (int i = 0; i < word.length(); i++) {
			byte b = secret[index + i];
			if (((b >= 'A' && b <= 'Z') ? b + ('a' - 'A') : b) != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The length of the longest run at {@code index} that also starts earlier (and may
	 * overlap it).
	 */
	private static int repeatAt(byte[] secret, int index, int length) {
		int longest = 0;
		for (int start = 0; start < index; start++) {
			int run = 0;
			while (index + run < length && secret[start + run] == secret[index + run]) {
				run++;
			}
			longest = Math.max(longest, run);
		}
		return longest;
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

}
