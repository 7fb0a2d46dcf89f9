/**
 * Where shared state lives: {@code MemoryStoreConfiguration} or
 * {@code RedisStoreConfiguration}, picked by {@code authwatch.store}, and the credential
 * stores' implementations. Depends on the features whose state it holds, never the
 * reverse.
 */
@NullMarked
package dev.authwatch.store;

import org.jspecify.annotations.NullMarked;
