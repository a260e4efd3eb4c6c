/**
 * {@code POST /analytics/report}: a report over a period, built from chosen sections, rendered as
 * JSON, CSV or PDF (OpenPDF). Sections are assembled once into a {@link
 * io.tocsin.api.report.Report}; each format only renders it, so the three always agree.
 */
package io.tocsin.api.report;
