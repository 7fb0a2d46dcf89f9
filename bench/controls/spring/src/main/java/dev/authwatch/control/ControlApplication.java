package dev.authwatch.control;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.crypto.SecretKey;

import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * What a user would write instead of AuthWatch: {@code /plain} upgrades anyone, {@code /jwt} upgrades
 * a request whose {@code Authorization: Bearer} token verifies (HS256, the secret from
 * {@code JWT_SECRET}) with one jjwt parser built at start, as the jjwt README shows.
 */
@SpringBootApplication
@EnableWebSocket
public class ControlApplication implements WebSocketConfigurer {

	private final JwtParser parser = Jwts.parser().verifyWith(secret()).build();

	public static void main(String[] args) {
		SpringApplication.run(ControlApplication.class, args);
	}

	private static SecretKey secret() {
		return Keys.hmacShaKeyFor(System.getenv("JWT_SECRET").getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new TextWebSocketHandler(), "/plain").setAllowedOriginPatterns("*");
		registry.addHandler(new TextWebSocketHandler(), "/jwt").addInterceptors(new JwtInterceptor()).setAllowedOriginPatterns("*");
	}

	private final class JwtInterceptor implements HandshakeInterceptor {

		@Override
		public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
				Map<String, Object> attributes) {
			String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (header != null && header.startsWith("Bearer ")) {
				try {
					attributes.put("user", ControlApplication.this.parser.parseSignedClaims(header.substring(7)).getPayload().getSubject());
					return true;
				}
				catch (JwtException ex) {
					// falls through to 401
				}
			}
			response.setStatusCode(HttpStatus.UNAUTHORIZED);
			return false;
		}

		@Override
		public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
				Exception exception) {
		}

	}

}
