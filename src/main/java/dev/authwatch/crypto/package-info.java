/**
 * What the service keeps instead of secrets and ids: 256-bit opaque tokens and the
 * SHA-256 digests they are stored under, digests for key names, and keyed hashes of user
 * ids.
 */
@NullMarked
package dev.authwatch.crypto;

import org.jspecify.annotations.NullMarked;
