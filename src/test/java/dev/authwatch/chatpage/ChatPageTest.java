package dev.authwatch.chatpage;

import java.net.http.HttpResponse;

import dev.authwatch.security.StaticPages;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page and its client are served to anyone, with the strict content security
 * policy that makes an injected inline script inert; the page itself has none.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestSecrets.SECRET_PROPERTY)
class ChatPageTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/index.html", "/chat/chat.js", "/chat/chat.css", "/js/authwatch-client.js" })
	void pageAndClientAreServedToAnyoneWithTheStrictContentSecurityPolicy(String path) throws Exception {
		HttpResponse<String> response = HttpCalls.get(this.port, path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValue(StaticPages.CONTENT_SECURITY_POLICY);
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void scriptsAreModulesOfTheirOwnFilesNeverInline() throws Exception {
		String page = HttpCalls.get(this.port, "/").body();
		assertThat(page).contains("<script type=\"module\" src=\"/chat/chat.js\"></script>")
			.doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
			.doesNotContain("style=\"")
			.doesNotContainPattern("\\son[a-z]+=");
		assertThat(HttpCalls.get(this.port, "/js/authwatch-client.js").headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
	}

}
