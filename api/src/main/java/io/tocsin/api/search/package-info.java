/**
 * Event search ({@code POST /search/events}) in the condition language, either syntax: the query is
 * checked against the tenant's lists and macros, pushed down to MongoDB as far as the translator
 * can do exactly, and the rest filtered in the application with the interpreter, so results always
 * equal what a policy with the same condition would match.
 */
package io.tocsin.api.search;
