package dev.authwatch.admin;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.authwatch.auth.AuthAttempt;
import dev.authwatch.auth.AuthAttemptListener;
import dev.authwatch.auth.AuthMethod;
import org.jspecify.annotations.Nullable;

/**
 * The latest {@value #SAMPLES} decision times of each handshake method (and of attempts
 * no method claimed), for the admin API's p50/p95/p99 per method. Recording is one
 * counter increment and one array write: no lock, no allocation on the handshake path;
 * percentiles are computed on request.
 */
final class MethodLatencies implements AuthAttemptListener {

	static final int SAMPLES = 1024;

	private static final int NO_METHOD = AuthMethod.values().length;

	private final AtomicLongArray counts = new AtomicLongArray(NO_METHOD + 1);

	private final AtomicLongArray[] rings = new AtomicLongArray[NO_METHOD + 1];

	MethodLatencies() {
		for (int slot = 0; slot < this.rings.length; slot++) {
			this.rings[slot] = new AtomicLongArray(SAMPLES);
		}
	}

	@Override
	public void onAttempt(AuthAttempt attempt) {
		int slot = (attempt.method() != null) ? attempt.method().ordinal() : NO_METHOD;
		long n = this.counts.getAndIncrement(slot);
		this.rings[slot].lazySet((int) (n % SAMPLES), attempt.durationNanos());
	}

	/**
	 * Percentiles of one method's latest samples, or of every attempt when {@code method}
	 * is null.
	 */
	Percentiles percentiles(@Nullable AuthMethod method) {
		if (method != null) {
			return Percentiles.of(samples(method.ordinal()));
		}
		long[] all = new long[0];
		for (int slot = 0; slot < this.rings.length; slot++) {
			long[] samples = samples(slot);
			long[] merged = Arrays.copyOf(all, all.length + samples.length);
			System.arraycopy(samples, 0, merged, all.length, samples.length);
			all = merged;
		}
		return Percentiles.of(all);
	}

	private long[] samples(int slot) {
		int size = (int) Math.min(this.counts.get(slot), SAMPLES);
		long[] samples = new long[size];
		for (int i = 0; i < size; i++) {
			samples[i] = this.rings[slot].get(i);
		}
		return samples;
	}

	/** Nearest-rank percentiles in milliseconds. */
	record Percentiles(int samples, double p50Ms, double p95Ms, double p99Ms) {

		static Percentiles of(long[] nanos) {
			if (nanos.length == 0) {
				return new Percentiles(0, 0, 0, 0);
			}
			Arrays.sort(nanos);
			return new Percentiles(nanos.length, rank(nanos, 0.50), rank(nanos, 0.95), rank(nanos, 0.99));
		}

		private static double rank(long[] sorted, double quantile) {
			int index = (int) Math.ceil(quantile * sorted.length) - 1;
			return Math.round(Duration.ofNanos(sorted[Math.max(0, index)]).toNanos() / 1_000.0) / 1_000.0;
		}

	}

}
