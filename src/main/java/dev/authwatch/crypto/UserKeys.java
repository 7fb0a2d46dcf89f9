package dev.authwatch.crypto;

import java.security.SecureRandom;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * Turns a user id into a 64-bit key with SipHash-2-4 under a random key drawn at startup,
 * so the monitor can count distinct users and events can name a user without keeping any
 * id: the keys cannot be reversed or matched against guessed ids without the in-memory
 * key, and they differ from one process to the next. Hashes the UTF-16 code units
 * directly: no allocation on the handshake path.
 */
public final class UserKeys {

	/** The key of "no known user". */
	public static final long NONE = 0;

	private final long k0;

	private final long k1;

	public UserKeys() {
		this(new SecureRandom());
	}

	UserKeys(Random random) {
		this.k0 = random.nextLong();
		this.k1 = random.nextLong();
	}

	/**
	 * The last user hashed on each thread. The listeners of one attempt (the monitor, the
	 * event log) ask in turn for the key of the same {@code String}; an identity check
	 * answers the second.
	 */
	private final ThreadLocal<LastKey> last = ThreadLocal.withInitial(LastKey::new);

	private static final class LastKey {

		@Nullable String userId;

		long key;

	}

	/**
	 * @return a non-zero key for {@code userId}
	 */
	public long of(String userId) {
		LastKey last = this.last.get();
		if (last.userId != userId) {
			last.key = hash(userId);
			last.userId = userId;
		}
		return last.key;
	}

	private long hash(String userId) {
		long v0 = this.k0 ^ 0x736f6d6570736575L;
		long v1 = this.k1 ^ 0x646f72616e646f6dL;
		long v2 = this.k0 ^ 0x6c7967656e657261L;
		long v3 = this.k1 ^ 0x7465646279746573L;
		int length = userId.length();
		int blocks = length / 4;
		// One loop for SipHash-2-4: each message word (the last one padded) with 2
		// rounds,
		// then the finalization (v2 ^= 0xff) with 4, so that the round is written once.
		for (int step = 0; step <= blocks + 1; step++) {
			boolean finalization = step > blocks;
			long m = 0;
			if (finalization) {
				v2 ^= 0xff;
			}
			else {
				m = (step < blocks) ? word(userId, step * 4, 4) : lastWord(userId, blocks * 4, length);
				v3 ^= m;
			}
			for (int round = (finalization ? 4 : 2); round > 0; round--) {
				v0 += v1;
				v1 = Long.rotateLeft(v1, 13);
				v1 ^= v0;
				v0 = Long.rotateLeft(v0, 32);
				v2 += v3;
				v3 = Long.rotateLeft(v3, 16);
				v3 ^= v2;
				v0 += v3;
				v3 = Long.rotateLeft(v3, 21);
				v3 ^= v0;
				v2 += v1;
				v1 = Long.rotateLeft(v1, 17);
				v1 ^= v2;
				v2 = Long.rotateLeft(v2, 32);
			}
			v0 ^= m;
		}
		long key = v0 ^ v1 ^ v2 ^ v3;
		return (key == NONE) ? 1 : key;
	}

	/** Up to four UTF-16 code units, little-endian, as SipHash reads 8 bytes. */
	private static long word(String text, int from, int count) {
		long word = 0;
		for (int i = 0; i < count; i++) {
			word |= (long) text.charAt(from + i) << (16 * i);
		}
		return word;
	}

	/**
	 * The remaining code units with the message length in bytes (mod 256) in the top
	 * byte.
	 */
	private static long lastWord(String text, int from, int length) {
		return word(text, from, length - from) | ((long) (length * 2) << 56);
	}

}
