/**
 * Auto-configuration of the RIME client: the {@code RimeClient} bean, its properties, connection details, customizers and startup failure analysis.
 */
@NullMarked
package io.rime.autoconfigure;

import org.jspecify.annotations.NullMarked;
