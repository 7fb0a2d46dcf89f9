package dev.authwatch.token;

import java.net.URI;

/**
 * Delivers a password-reset link to the account's owner. The default writes to an outbox file
 * ({@code authwatch.password-reset.outbox}); define a bean of this type to send mail instead.
 */
public interface ResetNotifier {

	void send(String username, URI link);

}
