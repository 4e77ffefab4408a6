/**
 * The RIME stress-testing SDK: {@link io.rime.client.RimeClient} and the values it returns.
 * Everything outside this package is internal and may change without notice.
 */
@NullMarked
package io.rime.client;

import org.jspecify.annotations.NullMarked;
