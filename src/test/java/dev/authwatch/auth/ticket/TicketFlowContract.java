package dev.authwatch.auth.ticket;

import java.net.http.HttpResponse;
import java.util.List;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TicketRace;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket flow as a client sees it; run against each store. */
abstract class TicketFlowContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void ticketUpgradesOnceAndTheSecondUseIsTicketInvalid() throws Exception {
		String ticket = mint(TestTokens.valid("alice", "user"));

		try (ChatClient client = ChatClient.withTicket(this.port, ticket)) {
			JsonNode welcome = client.next();
			assertThat(welcome.get("user").asString()).isEqualTo("alice");
			assertThat(welcome.get("method").asString()).isEqualTo("ticket");
		}
		RawHandshake.Response second = RawHandshake.to(this.port).path("/ws/chat?ticket=" + ticket).send();

		assertThat(second.status()).isEqualTo(401);
		assertThat(second.body()).contains("\"error\":\"ticket_invalid\"");
	}

	@Test
	void sixtyConcurrentRedemptionsOfOneTicketUpgradeExactlyOnce() throws Exception {
		String ticket = mint(TestTokens.valid("racer", "user"));

		List<Integer> statuses = TicketRace.redeemConcurrently(this.port, ticket, 60);

		assertThat(statuses).filteredOn((status) -> status == 101).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 401).hasSize(59);
	}

	@Test
	void unknownTicketIsTicketInvalid() throws Exception {
		RawHandshake.Response response = RawHandshake.to(this.port)
			.path("/ws/chat?ticket=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
			.send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"error\":\"ticket_invalid\"");
	}

	@Test
	void mintingAnswersWithTheTicketAndItsLifetime() throws Exception {
		HttpResponse<String> response = HttpCalls.post(this.port, "/api/auth/ticket", TestTokens.valid("alice"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("ticket").asString()).hasSize(43);
		assertThat(body.get("expires_in").asInt()).isEqualTo(30);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	@Test
	void mintingWithoutAValidTokenIsRefused() throws Exception {
		HttpResponse<String> anonymous = HttpCalls.post(this.port, "/api/auth/ticket", null);
		HttpResponse<String> garbage = HttpCalls.post(this.port, "/api/auth/ticket", "not.a.jwt");

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("\"error\":\"missing_credentials\"");
		assertThat(garbage.statusCode()).isEqualTo(401);
		assertThat(garbage.body()).contains("\"error\":\"malformed\"");
	}

	protected String mint(String accessToken) throws Exception {
		HttpResponse<String> response = HttpCalls.post(this.port, "/api/auth/ticket", accessToken);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("ticket").asString();
	}

}
