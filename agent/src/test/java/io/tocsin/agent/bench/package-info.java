/** Load harnesses run by hand (not tests): their numbers are in docs/agent.md. */
package io.tocsin.agent.bench;
