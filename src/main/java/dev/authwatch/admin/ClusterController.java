package dev.authwatch.admin;

import java.util.List;

import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.cluster.InstanceStatus;
import dev.authwatch.cluster.Membership;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /cluster}: the instances that form the service (SPEC §9). */
@RestController
@RequestMapping(AdminApi.BASE_PATH)
@Tag(name = AdminApi.TAG)
@SecurityRequirement(name = AdminApi.SECURITY_SCHEME)
class ClusterController {

	private final Membership membership;

	ClusterController(Membership membership) {
		this.membership = membership;
	}

	record ClusterView(List<InstanceStatus> instances) {
	}

	@GetMapping("/cluster")
	@Operation(summary = "The instances of the cluster (one with the memory store): id, address, version, startedAt, "
			+ "lastSeen, level, connections, breakers")
	ClusterView cluster() {
		try {
			return new ClusterView(this.membership.instances());
		}
		catch (DataAccessException ex) {
			throw new AuthRejectedException(FailureReason.PROVIDER_UNAVAILABLE,
					"The cluster store is unavailable; try again later.");
		}
	}

}
