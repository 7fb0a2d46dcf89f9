package dev.authwatch.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Redeems one ticket with many simultaneous real handshakes and reports their statuses.
 */
public final class TicketRace {

	private TicketRace() {
	}

	public static List<Integer> redeemConcurrently(int port, String ticket, int contenders) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < contenders; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return RawHandshake.to(port).path("/ws/chat?ticket=" + ticket).send().status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
