/**
 * This instance among others on one Redis: membership, the connection directory, room
 * fan-out and the event relay.
 */
@NullMarked
package dev.authwatch.cluster;

import org.jspecify.annotations.NullMarked;
