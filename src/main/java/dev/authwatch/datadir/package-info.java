/**
 * The one directory for every file AuthWatch writes at run time, checked at startup.
 */
@NullMarked
package dev.authwatch.datadir;

import org.jspecify.annotations.NullMarked;
