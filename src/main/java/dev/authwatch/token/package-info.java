/**
 * Logins and the token lifecycle: password login, guests, refresh families, password
 * reset and revocation.
 */
@NullMarked
package dev.authwatch.token;

import org.jspecify.annotations.NullMarked;
