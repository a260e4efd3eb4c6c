/** Reports over real HTTP in each format. */
package io.tocsin.api.report;
