/** End-to-end tests of alerts: recording detections, listing, triage, actions, isolation. */
package io.tocsin.api.alert;
