/**
 * AuthWatch's own access tokens: the HS256 key ring and its secrets, issuing, strict
 * validation, and {@link dev.authwatch.auth.jwt.Admission} (validation plus revocation).
 */
@NullMarked
package dev.authwatch.auth.jwt;

import org.jspecify.annotations.NullMarked;
