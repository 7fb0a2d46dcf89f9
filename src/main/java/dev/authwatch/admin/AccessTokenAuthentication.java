package dev.authwatch.admin;

import java.util.List;

import dev.authwatch.auth.AuthenticatedPrincipal;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller authenticated by an AuthWatch access token. Roles become {@code ROLE_<role>}
 * authorities, so {@code hasRole("admin")} and actuator's {@code roles: admin} both
 * apply. The token itself is not kept.
 */
final class AccessTokenAuthentication extends AbstractAuthenticationToken {

	private final AuthenticatedPrincipal principal;

	AccessTokenAuthentication(AuthenticatedPrincipal principal) {
		super(authorities(principal));
		this.principal = principal;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authorities(AuthenticatedPrincipal principal) {
		return principal.roles()
			.stream()
			.sorted()
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public AuthenticatedPrincipal getPrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return this.principal.userId();
	}

}
