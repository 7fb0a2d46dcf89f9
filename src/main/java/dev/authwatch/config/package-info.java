/** The settings directly under {@code authwatch}; every feature's own settings are in its package. */
package dev.authwatch.config;
