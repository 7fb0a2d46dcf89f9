package dev.authwatch.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeysTest {

	@Test
	void anIpv4AddressIsItsOwnKey() {
		String address = "203.0.113.7";

		assertThat(ClientKeys.of(address)).isSameAs(address);
	}

	@Test
	void everyAddressOfAnIpv6SlashSixtyFourSharesOneKey() {
		assertThat(ClientKeys.of("2001:db8:1:2:0:0:0:1")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientKeys.of("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientKeys.of("2001:DB8:1:2::abcd")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientKeys.of("[2001:db8:1:2::1]")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientKeys.of("2001:db8:1:2::1%eth0")).isEqualTo("2001:db8:1:2::/64");
	}

	@Test
	void neighbouringSlashSixtyFoursHaveDifferentKeys() {
		assertThat(ClientKeys.of("2001:db8:1:3::1")).isNotEqualTo(ClientKeys.of("2001:db8:1:2::1"));
	}

	@Test
	void theLoopbackAndMappedIpv4AddressesAreKeyedSensibly() {
		assertThat(ClientKeys.of("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
		assertThat(ClientKeys.of("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
	}

	@Test
	void somethingThatIsNoAddressIsItsOwnKeyAndNeverLookedUp() {
		assertThat(ClientKeys.of("gateway:8080")).isEqualTo("gateway:8080");
		assertThat(ClientKeys.of("1:2:3:4:5:6:7:8:9")).isEqualTo("1:2:3:4:5:6:7:8:9");
		assertThat(ClientKeys.of("unknown")).isEqualTo("unknown");
	}

}
