package dev.authwatch.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Hold: idle authenticated connections (one user each) opened in steps, answering the server's
 * heartbeat pings. At every step the server's post-GC heap, RSS and a {@code /metrics} scrape are
 * taken; at the last step the connections are held for a while and every close counts as
 * unexpected.
 */
final class Hold {

	record Step(int connections, long heapBytes, long rssBytes, long serverFds, Scrape.Result scrape) {
	}

	record Result(List<Step> steps, int refused, Map<Integer, Integer> unexpectedCloses, long pingsAnswered,
			Duration held, int openAtEnd) {
	}

	private static final int IN_FLIGHT = 64;

	private static final int ADDRESSES = 4;

	private final WsEngine engine;

	private final ServerProcess server;

	private final int port;

	private final java.nio.file.Path histograms;

	/** @param histograms where to write a class histogram per step, or null */
	Hold(WsEngine engine, ServerProcess server, int port, java.nio.file.Path histograms) {
		this.engine = engine;
		this.server = server;
		this.port = port;
		this.histograms = histograms;
	}

	Result run(int[] steps, List<String> tokens, Duration hold, Scrape scrape) throws Exception {
		Opener opener = new Opener(tokens);
		List<Step> results = new ArrayList<>();
		results.add(measure(0, scrape));
		for (int target : steps) {
			CountDownLatch reached = new CountDownLatch(1);
			this.engine.submit(() -> opener.openUpTo(target, reached));
			reached.await();
			Thread.sleep(3000);
			results.add(measure(target, scrape));
			System.out.printf("hold: %d connections, heap %d MB%n", target, results.get(results.size() - 1).heapBytes() >> 20);
		}
		long pingsBefore = pings();
		long start = System.nanoTime();
		Thread.sleep(hold.toMillis());
		Duration held = Duration.ofNanos(System.nanoTime() - start);
		long pingsAnswered = pings() - pingsBefore;
		int[] open = new int[1];
		Map<Integer, Integer> unexpected = new TreeMap<>();
		CountDownLatch counted = new CountDownLatch(1);
		this.engine.submit(() -> {
			open[0] = (int) opener.conns.stream().filter(WsEngine.Conn::isOpen).count();
			unexpected.putAll(opener.closes);
			opener.conns.forEach((conn) -> conn.close(1000));
			counted.countDown();
		});
		counted.await();
		return new Result(results, opener.refused, unexpected, pingsAnswered, held, open[0]);
	}

	private long pings() throws InterruptedException {
		long[] pings = new long[1];
		CountDownLatch read = new CountDownLatch(1);
		this.engine.submit(() -> {
			pings[0] = this.engine.pingsAnswered;
			read.countDown();
		});
		read.await();
		return pings[0];
	}

	private Step measure(int connections, Scrape scrape) throws Exception {
		long heap = this.server.heapAfterGc();
		if (this.histograms != null) {
			java.nio.file.Files.writeString(this.histograms.resolve("histogram-" + connections + ".txt"), this.server.histogram());
		}
		return new Step(connections, heap, this.server.rss(), this.server.openFiles(), scrape.run(connections, 30));
	}

	private final class Opener implements WsEngine.Listener {

		private final List<String> tokens;

		final List<WsEngine.Conn> conns = new ArrayList<>();

		final Map<Integer, Integer> closes = new TreeMap<>();

		int refused;

		private int requested;

		private int settled;

		private int target;

		private CountDownLatch reached;

		Opener(List<String> tokens) {
			this.tokens = tokens;
		}

		void openUpTo(int target, CountDownLatch reached) {
			this.target = target;
			this.reached = reached;
			for (int i = 0; i < IN_FLIGHT; i++) {
				openNext();
			}
		}

		private void openNext() {
			if (this.requested >= this.target) {
				return;
			}
			String token = this.tokens.get(this.requested % this.tokens.size());
			String host = "127.0.0." + (1 + (this.requested % ADDRESSES));
			this.requested++;
			this.conns.add(Hold.this.engine.open(new InetSocketAddress(host, Hold.this.port), "/ws/chat",
					"Authorization: Bearer " + token + "\r\n", this));
		}

		private void settledOne() {
			this.settled++;
			if (this.settled == this.target) {
				this.reached.countDown();
			}
			openNext();
		}

		@Override
		public void onOpen(WsEngine.Conn conn, long handshakeNanos) {
			settledOne();
		}

		@Override
		public void onText(WsEngine.Conn conn, ByteBuffer payload) {
		}

		@Override
		public void onRefused(WsEngine.Conn conn, int status) {
			this.refused++;
			settledOne();
		}

		@Override
		public void onClosed(WsEngine.Conn conn, int code) {
			this.closes.merge(code, 1, Integer::sum);
		}

	}

}
