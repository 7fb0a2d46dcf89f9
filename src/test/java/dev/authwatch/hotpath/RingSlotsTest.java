package dev.authwatch.hotpath;

import java.util.BitSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RingSlotsTest {

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 10, 32, 33, 64, 100, 1000, 10_000, 3 * 5 * 7 * 11 * 13 })
	void everyRunOfCapacityConsecutiveSequencesUsesEverySlotOnce(int capacity) {
		RingSlots slots = new RingSlots(capacity);
		for (long start : new long[] { 0, 1, capacity - 1, 7L * capacity + 3, Long.MAX_VALUE - capacity }) {
			BitSet used = new BitSet(capacity);
			for (long sequence = start; sequence < start + capacity; sequence++) {
				int slot = slots.slot(sequence);
				assertThat(slot).isBetween(0, capacity - 1);
				assertThat(used.get(slot)).as("slot %d reused within one lap", slot).isFalse();
				used.set(slot);
			}
			assertThat(used.cardinality()).isEqualTo(capacity);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 100, 1000, 10_000 })
	void consecutiveSequencesAreAtLeastTwoCacheLinesApart(int capacity) {
		RingSlots slots = new RingSlots(capacity);
		for (long sequence = 0; sequence < 3L * capacity; sequence++) {
			assertThat(Math.abs(slots.slot(sequence + 1) - slots.slot(sequence))).isGreaterThanOrEqualTo(32);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1 })
	void capacityMustBePositive(int capacity) {
		assertThatIllegalArgumentException().isThrownBy(() -> new RingSlots(capacity));
	}

}
