/** End-to-end tests of cases and tasks: merging alerts, audit, progress, roles, isolation. */
package io.tocsin.api.cases;
