/**
 * HTTP plumbing shared by every feature: request ids (header, MDC, error bodies), the request body
 * size limit, and the one paging shape: {@code Paging} reads {@code limit}/{@code offset}, {@code
 * PageInfo} answers {@code total}, {@code limit}, {@code offset}, {@code has_more}, {@code
 * next_cursor}.
 */
package io.tocsin.api.web;
