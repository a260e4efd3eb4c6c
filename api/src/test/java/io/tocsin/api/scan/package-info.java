/** Scans end to end: request, a fake agent answering over the command channel, results. */
package io.tocsin.api.scan;
