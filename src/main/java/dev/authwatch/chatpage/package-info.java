/**
 * The chat page at {@code /} and the JavaScript client it is built on: static files,
 * served with a strict content security policy.
 */
@NullMarked
package dev.authwatch.chatpage;

import org.jspecify.annotations.NullMarked;
