package dev.authwatch.auth;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page the service serves itself (the chat page at {@code /}) opens its WebSocket from
 * the service's own origin, listed or not; every other origin must be listed. A
 * cross-site page cannot make its visitor's browser send this origin, so the own origin
 * admits no hijacking.
 */
class OriginPolicyTest {

	private static final URI SERVICE = URI.create("http://localhost:8080/ws/chat");

	private final OriginPolicy nothingListed = new OriginPolicy(List.of(), false);

	@Test
	void theServicesOwnOriginIsAllowedWithNothingListed() {
		assertThat(this.nothingListed.allows("http://localhost:8080", SERVICE)).isTrue();
		assertThat(this.nothingListed.allowsCredentialed("http://localhost:8080", SERVICE)).isTrue();
		assertThat(this.nothingListed.allows("HTTP://LOCALHOST:8080/", SERVICE)).isTrue();
	}

	@Test
	void aDefaultPortIsTheSameOriginWrittenOrNot() {
		URI behindTls = URI.create("https://chat.example.com/ws/chat");
		assertThat(this.nothingListed.allows("https://chat.example.com:443", behindTls)).isTrue();
		assertThat(this.nothingListed.allows("https://chat.example.com",
				URI.create("https://chat.example.com:443/ws/chat")))
			.isTrue();
	}

	@Test
	void anyOtherSchemeHostOrPortIsRefusedUnlessListed() {
		assertThat(this.nothingListed.allows("http://localhost:8081", SERVICE)).isFalse();
		assertThat(this.nothingListed.allows("https://localhost:8080", SERVICE)).isFalse();
		assertThat(this.nothingListed.allows("http://localhost.evil.example:8080", SERVICE)).isFalse();
		assertThat(this.nothingListed.allows("http://evil.example", SERVICE)).isFalse();
		assertThat(this.nothingListed.allowsCredentialed("http://evil.example", SERVICE)).isFalse();
		assertThat(new OriginPolicy(List.of("http://evil.example"), false).allows("http://evil.example", SERVICE))
			.isTrue();
	}

	@Test
	void opaqueAndMalformedOriginsAreNeverTheServicesOwn() {
		assertThat(this.nothingListed.allows("null", SERVICE)).isFalse();
		assertThat(this.nothingListed.allows("http://localhost:8080 junk", SERVICE)).isFalse();
		assertThat(this.nothingListed.allows("http://user@localhost:8080", SERVICE)).isFalse();
		assertThat(this.nothingListed.allows("http://localhost:8080/path", SERVICE)).isFalse();
		assertThat(this.nothingListed.allowsCredentialed("", SERVICE)).isFalse();
	}

	@Test
	void noOriginAtAllPassesOnlyWhenOriginsAreNotRequired() {
		assertThat(this.nothingListed.allows(null, SERVICE)).isTrue();
		assertThat(new OriginPolicy(List.of(), true).allows(null, SERVICE)).isFalse();
		assertThat(this.nothingListed.allowsCredentialed(null, SERVICE)).isFalse();
	}

}
