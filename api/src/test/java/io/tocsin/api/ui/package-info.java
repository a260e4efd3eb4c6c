/** Tests of the web UI: its live stream and headers, and real-browser tests of the packaged jar. */
package io.tocsin.api.ui;
