/**
 * An external OAuth 2.0 provider: its tokens at the handshake (JWKS or introspection) and
 * the browser login (authorization code with PKCE).
 */
@NullMarked
package dev.authwatch.auth.oauth;

import org.jspecify.annotations.NullMarked;
