package dev.authwatch.errors;

import dev.authwatch.auth.FailureReason;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aRejectionIsJsonNeverCachedAndA401ChallengesForABearerToken() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ErrorResponses.write(response, HttpStatus.UNAUTHORIZED, ErrorBody.of(FailureReason.EXPIRED, "Expired."),
				this.json);
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"authwatch\"");
		assertThat(response.getContentAsString()).isEqualTo("{\"error\":\"expired\",\"message\":\"Expired.\"}");
	}

	@Test
	void onlyA401Challenges() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ErrorResponses.write(response, HttpStatus.BAD_REQUEST, ErrorBody.of(FailureReason.MALFORMED, "No."), this.json);
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isNull();
		ResponseEntity<ErrorBody> entity = ErrorResponses.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(ErrorBody.of(FailureReason.PROVIDER_UNAVAILABLE, "Later."));
		assertThat(entity.getHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(entity.getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
	}

}
