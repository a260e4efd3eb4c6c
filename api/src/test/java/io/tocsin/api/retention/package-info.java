/** Tests of retention: old data goes, open alerts and younger data stay. */
package io.tocsin.api.retention;
