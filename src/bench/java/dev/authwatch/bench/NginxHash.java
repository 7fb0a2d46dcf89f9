package dev.authwatch.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Which upstream nginx's {@code hash $remote_addr consistent} picks for a client address while
 * every upstream is up: the ketama ring of {@code ngx_http_upstream_hash_module.c} (160 points per
 * server of weight 1, each {@code crc32(host "\0" port previous_point)}; the key's
 * {@code crc32} goes to the first point at or after it). The scenarios use it to put exactly as
 * many connections on each instance as they mean to (and check the instances' own counts after).
 */
final class NginxHash {

	private final long[] points;

	private final int[] servers;

	/** @param upstreams {@code host:port} as written in the upstream block, in order */
	NginxHash(List<String> upstreams) {
		int n = upstreams.size() * 160;
		long[][] ring = new long[n][];
		int k = 0;
		for (int s = 0; s < upstreams.size(); s++) {
			String server = upstreams.get(s);
			int colon = server.lastIndexOf(':');
			byte[] base = (server.substring(0, colon) + "\0" + server.substring(colon + 1)).getBytes(StandardCharsets.US_ASCII);
			long previous = 0;
			for (int j = 0; j < 160; j++) {
				CRC32 crc = new CRC32();
				crc.update(base);
				crc.update(new byte[] { (byte) previous, (byte) (previous >> 8), (byte) (previous >> 16), (byte) (previous >> 24) });
				previous = crc.getValue();
				ring[k++] = new long[] { previous, s };
			}
		}
		Arrays.sort(ring, (a, b) -> Long.compare(a[0], b[0]));
		this.points = new long[n];
		this.servers = new int[n];
		for (int i = 0; i < n; i++) {
			this.points[i] = ring[i][0];
			this.servers[i] = (int) ring[i][1];
		}
	}

	/** The index in {@code upstreams} that {@code remoteAddress} lands on. */
	int upstreamOf(String remoteAddress) {
		CRC32 crc = new CRC32();
		crc.update(remoteAddress.getBytes(StandardCharsets.US_ASCII));
		long hash = crc.getValue();
		int low = 0;
		int high = this.points.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.points[mid] < hash) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return this.servers[low % this.points.length];
	}

}
