/** End-to-end tests of the agent command protocol. */
package io.tocsin.api.command;
