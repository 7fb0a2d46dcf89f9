/**
 * The command line ({@code token}, {@code validate}, {@code rotate}, {@code monitor}):
 * the same jar, without a server.
 */
@NullMarked
package dev.authwatch.cli;

import org.jspecify.annotations.NullMarked;
