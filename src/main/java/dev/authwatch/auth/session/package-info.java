/**
 * Server sessions of {@code "session": true} logins: the cookie authenticator, CSRF, and
 * the mark a store outage leaves on a request.
 */
@NullMarked
package dev.authwatch.auth.session;

import org.jspecify.annotations.NullMarked;
