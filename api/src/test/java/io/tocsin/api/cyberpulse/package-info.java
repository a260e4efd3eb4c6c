/** End-to-end tests of the CyberPulse surface over real HTTP. */
package io.tocsin.api.cyberpulse;
