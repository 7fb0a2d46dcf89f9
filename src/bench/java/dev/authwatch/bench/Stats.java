package dev.authwatch.bench;

import java.util.Arrays;

/** Percentiles and spread of small samples, without a histogram library. */
final class Stats {

	private Stats() {
	}

	/** Nearest-rank percentile of unsorted values; {@code q} in [0, 1]. */
	static long percentile(long[] values, int count, double q) {
		if (count == 0) {
			return 0;
		}
		long[] sorted = Arrays.copyOf(values, count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(q * count) - 1;
		return sorted[Math.max(0, Math.min(count - 1, rank))];
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n == 0) ? Double.NaN : (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	static double min(double[] values) {
		return Arrays.stream(values).min().orElse(Double.NaN);
	}

	static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}

	/** "median (min–max)" with the given format for each figure. */
	static String spread(double[] values, String format) {
		return String.format(format + " (" + format + "–" + format + ")", median(values), min(values), max(values));
	}

	/** Least-squares slope of y over x. */
	static double slope(double[] x, double[] y) {
		double mx = Arrays.stream(x).average().orElse(0);
		double my = Arrays.stream(y).average().orElse(0);
		double num = 0;
		double den = 0;
		for (int i = 0; i < x.length; i++) {
			num += (x[i] - mx) * (y[i] - my);
			den += (x[i] - mx) * (x[i] - mx);
		}
		return num / den;
	}

	/** Growable array of longs (latencies in nanoseconds). */
	static final class Longs {

		long[] values = new long[1 << 16];

		int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

	}

}
