/**
 * Where data lives. With no MongoDB URI configured the server starts an embedded MongoDB-wire
 * compatible store (mongo-java-server on an H2 MVStore file under {@code TOCSIN_DATA_DIR}) on a
 * free loopback port, so one {@code java -jar} runs everything; with a URI it uses that MongoDB and
 * this package stays out of the way. Features use Spring Data repositories either way.
 */
package io.tocsin.api.storage;
