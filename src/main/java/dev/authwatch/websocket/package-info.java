/**
 * The {@code /ws/chat} endpoint: the handshake, the chat protocol, rooms, the connection
 * registry, heartbeats and expiry.
 */
@NullMarked
package dev.authwatch.websocket;

import org.jspecify.annotations.NullMarked;
