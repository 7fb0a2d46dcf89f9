/**
 * AuthWatch: an authenticated WebSocket service that monitors its own authentication.
 * Each sub-package is one feature; {@code docs/architecture.md} maps them.
 */
@NullMarked
package dev.authwatch;

import org.jspecify.annotations.NullMarked;
