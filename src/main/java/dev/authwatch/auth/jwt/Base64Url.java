package dev.authwatch.auth.jwt;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Strict base64url (RFC 4648 §5) as JWS compact serialisation uses it: no padding, no
 * characters outside the alphabet, no dangling character and no stray bits in the last
 * one. Every byte sequence then has exactly one encoding, so a token cannot be re-spelled
 * and still verify.
 */
final class Base64Url {

	private static final int INVALID = -1;

	private static final byte[] VALUES = new byte[256];

	static {
		Arrays.fill(VALUES, (byte) INVALID);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (int i = 0; i < alphabet.length(); i++) {
			VALUES[alphabet.charAt(i)] = (byte) i;
		}
	}

	private Base64Url() {
	}

	/** Whether {@code ascii[from, to)} holds only base64url alphabet characters. */
	static boolean isAlphabet(byte[] ascii, int from, int to) {
		for (int i = from; i < to; i++) {
			if (VALUES[ascii[i] & 0xFF] == INVALID) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @return the bytes {@code ascii[from, to)} encode, or {@code null} if it is not
	 * their one canonical encoding
	 */
	static byte @Nullable [] decode(byte[] ascii, int from, int to) {
		int length = to - from;
		int tail = length % 4;
		if (tail == 1) {
			return null;
		}
		byte[] decoded = new byte[length / 4 * 3 + Math.max(tail - 1, 0)];
		int in = from;
		int out = 0;
		for (int quadsEnd = to - tail; in < quadsEnd; in += 4) {
			int quad = (value(ascii, in) << 18) | (value(ascii, in + 1) << 12) | (value(ascii, in + 2) << 6)
					| value(ascii, in + 3);
			if (quad < 0) {
				return null;
			}
			decoded[out++] = (byte) (quad >> 16);
			decoded[out++] = (byte) (quad >> 8);
			decoded[out++] = (byte) quad;
		}
		if (tail == 0) {
			return decoded;
		}
		int bits = (value(ascii, in) << 6) | value(ascii, in + 1);
		int strayBits = 4;
		if (tail == 3) {
			bits = (bits << 6) | value(ascii, in + 2);
			strayBits = 2;
		}
		if (bits < 0 || (bits & ((1 << strayBits) - 1)) != 0) {
			return null;
		}
		bits >>= strayBits;
		if (tail == 3) {
			decoded[out++] = (byte) (bits >> 8);
		}
		decoded[out] = (byte) bits;
		return decoded;
	}

	/**
	 * The 6-bit value of a character, or -1, which keeps any OR of shifted values
	 * negative.
	 */
	private static int value(byte[] ascii, int index) {
		return VALUES[ascii[index] & 0xFF];
	}

}
