/**
 * Single-use tickets: minted for an access token, redeemed by a handshake that cannot
 * send headers.
 */
@NullMarked
package dev.authwatch.auth.ticket;

import org.jspecify.annotations.NullMarked;
