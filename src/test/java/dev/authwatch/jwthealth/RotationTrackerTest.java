package dev.authwatch.jwthealth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation detection on the memory store, where the key state lives in a file across
 * restarts.
 */
class RotationTrackerTest {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@TempDir
	Path directory;

	private final Counter rotations = new SimpleMeterRegistry().counter("rotations");

	private final List<Object> events = new ArrayList<>();

	private RotationTracker restart() {
		return new RotationTracker(new FileKeyStateStore(this.directory.resolve("state")), this.rotations,
				this.events::add, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void firstStartIsNoRotation() {
		RotationTracker tracker = restart();
		tracker.observe("kid-1");

		assertThat(this.rotations.count()).isZero();
		assertThat(tracker.lastRotation()).isNull();
		assertThat(tracker.lastRotationEpochSeconds()).isZero();
	}

	@Test
	void restartWithTheSameKeyIsNoRotation() {
		restart().observe("kid-1");
		restart().observe("kid-1");

		assertThat(this.rotations.count()).isZero();
		assertThat(this.events).isEmpty();
	}

	@Test
	void restartWithANewKeyIsOneRotationWithTimestampAndEvent() {
		restart().observe("kid-1");
		RotationTracker tracker = restart();
		tracker.observe("kid-2");
		tracker.observe("kid-2");

		assertThat(this.rotations.count()).isEqualTo(1);
		assertThat(tracker.lastRotation()).isEqualTo(NOW);
		assertThat(tracker.lastRotationEpochSeconds()).isEqualTo(NOW.getEpochSecond());
		assertThat(this.events).singleElement().isInstanceOfSatisfying(JwtConfigEvent.class, (event) -> {
			assertThat(event.type()).isEqualTo(JwtConfigEvent.ROTATION);
			assertThat(event.message()).isEqualTo("JWT secret rotated: key id kid-1 -> kid-2");
		});
	}

	@Test
	void theLastRotationSurvivesALaterRestartWithoutRotation() {
		restart().observe("kid-1");
		restart().observe("kid-2");
		RotationTracker later = restart();
		later.observe("kid-2");

		assertThat(later.lastRotation()).isEqualTo(NOW);
		assertThat(this.rotations.count()).isEqualTo(1);
	}

}
