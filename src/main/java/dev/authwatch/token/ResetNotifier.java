package dev.authwatch.token;

import java.net.URI;

/**
 * Delivers a password-reset link to the account's owner. The default appends to the
 * outbox file in the data directory ({@code AUTHWATCH_DATA_DIR}); define a bean of this
 * type to send mail instead. A delivery that throws is counted as
 * {@code auth_password_reset_total{event="undelivered"}}.
 */
public interface ResetNotifier {

	void send(String username, URI link);

}
