package dev.authwatch.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.ticket.TicketGrant;
import dev.authwatch.auth.ticket.TicketProperties;
import dev.authwatch.auth.ticket.TicketService;
import dev.authwatch.metrics.AuthMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ticket redemption on the in-memory store, through {@link TicketService} as the handshake uses
 * it (SHA-256 of the ticket, atomic removal from Caffeine, expiry check, latency timer). A ticket
 * is single-use, so {@link #redeem} consumes a batch minted before each iteration and reports the
 * time of the whole batch ({@value #BATCH} redemptions); {@link #mintThenRedeem} is the full
 * round trip and {@link #redeemUnknown} the miss path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TicketRedemptionBenchmark {

	static final int BATCH = 50_000;

	private final TicketService tickets = new TicketService(new InMemoryTicketStore(100_000, Clock.systemUTC()),
			new TicketProperties(Duration.ofSeconds(30)), new AuthMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)),
			Clock.systemUTC());

	private final AuthenticatedPrincipal holder = new AuthenticatedPrincipal("user-1234", Set.of("user"), AuthMethod.JWT,
			Instant.now().plusSeconds(3600));

	private final String unknown = this.tickets.mint(this.holder).ticket().replace('A', 'B').replace('a', 'A');

	@Benchmark
	public Optional<TicketGrant> mintThenRedeem() {
		return this.tickets.redeem(this.tickets.mint(this.holder).ticket());
	}

	/** Tickets for one iteration of {@link #redeem}, minted outside the measurement. */
	@State(Scope.Thread)
	public static class Minted {

		final String[] tickets = new String[BATCH];

		int next;

		@Setup(Level.Iteration)
		public void mint(TicketRedemptionBenchmark benchmark) {
			for (int i = 0; i < BATCH; i++) {
				this.tickets[i] = benchmark.tickets.mint(benchmark.holder).ticket();
			}
			this.next = 0;
		}

	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(batchSize = BATCH)
	@Measurement(batchSize = BATCH)
	public Optional<TicketGrant> redeem(Minted minted) {
		return this.tickets.redeem(minted.tickets[minted.next++]);
	}

	@Benchmark
	public Optional<TicketGrant> redeemUnknown() {
		return this.tickets.redeem(this.unknown);
	}

}
