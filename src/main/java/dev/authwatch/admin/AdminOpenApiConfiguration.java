package dev.authwatch.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}: the admin API's bearer scheme. */
@Configuration(proxyBeanMethods = false)
class AdminOpenApiConfiguration {

	@Bean
	OpenAPI authWatchOpenApi() {
		return new OpenAPI()
			.info(new Info().title("AuthWatch")
				.description("Authenticated WebSocket service that monitors its own authentication. "
						+ "The admin API needs an AuthWatch access token with the admin role."))
			.components(new Components().addSecuritySchemes(AdminApi.SECURITY_SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An AuthWatch access token (POST /api/auth/login) whose roles contain admin")));
	}

}
