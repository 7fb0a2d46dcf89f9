package dev.authwatch.admin;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authwatch.admin.audit.AuditEntry;
import dev.authwatch.admin.audit.AuditLog;
import dev.authwatch.admin.audit.AuditTarget;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The admin API of SPEC §6 under {@code /api/admin/websocket-auth} (sessions:
 * {@link SessionController}).
 */
@RestController
@RequestMapping(AdminApi.BASE_PATH)
@Tag(name = AdminApi.TAG)
@SecurityRequirement(name = AdminApi.SECURITY_SCHEME)
@Validated
class WebSocketAuthAdminController {

	private final HealthIndicator wsAuth;

	private final MetricsReport metrics;

	private final TestConnection testConnection;

	private final EventStream events;

	private final AuditLog audit;

	WebSocketAuthAdminController(@Qualifier("wsAuth") HealthIndicator wsAuth, MetricsReport metrics,
			TestConnection testConnection, EventStream events, AuditLog audit) {
		this.wsAuth = wsAuth;
		this.metrics = metrics;
		this.testConnection = testConnection;
		this.events = events;
		this.audit = audit;
	}

	record HealthView(String status, Map<String, Object> details) {
	}

	record TestConnectionRequest(@JsonProperty("user_id") @NotBlank @Size(max = 256) String userId) {
	}

	record AuditView(List<AuditEntry> entries) {
	}

	@GetMapping("/health")
	@Operation(summary = "Authentication health: level (unknown|healthy|degraded|critical), rates, latency, breakers, "
			+ "top failure reasons, warnings (the wsAuth component with details)")
	HealthView health() {
		Health health = this.wsAuth.health(true);
		return new HealthView(health.getStatus().getCode(), health.getDetails());
	}

	@GetMapping("/metrics")
	@Operation(
			summary = "Counts, success rate and p50/p95/p99 latency per method, failure reasons, connections, breakers")
	MetricsView metrics() {
		return this.metrics.report();
	}

	@PostMapping("/test-connection")
	@Operation(summary = "Open a real WebSocket connection to this service as the user, with a short-lived test token; "
			+ "report each step's outcome and latency and the health of the user's live connections")
	TestConnectionReport testConnection(@RequestBody @Validated TestConnectionRequest request,
			HttpServletRequest http) {
		AuditTarget.set(http, request.userId());
		return this.testConnection.run(request.userId());
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Live stream (SSE) of authentication and connection events, event name 'auth', id = sequence; "
			+ "starts with up to 50 recent events after Last-Event-ID")
	ResponseEntity<SseEmitter> events(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("X-Accel-Buffering", "no")
			.body(this.events.open((lastEventId != null) ? lastEventId : 0));
	}

	@GetMapping("/audit")
	@Operation(summary = "The audit log of admin requests, newest first")
	AuditView audit(@RequestParam(defaultValue = "100") int limit) {
		return new AuditView(this.audit.recent(Math.max(1, Math.min(limit, 1000))));
	}

}
