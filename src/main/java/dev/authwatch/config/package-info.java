/**
 * The settings directly under {@code authwatch}; every feature's own settings are in its
 * package.
 */
@NullMarked
package dev.authwatch.config;

import org.jspecify.annotations.NullMarked;
