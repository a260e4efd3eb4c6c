/** End-to-end tests of the analytics endpoints on known data. */
package io.tocsin.api.analytics;
