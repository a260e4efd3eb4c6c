/**
 * Users of a tenant: accounts with a role, an adaptive password hash and optional TOTP; the admin
 * endpoints that manage them; set-password tokens; and the bootstrap of tenant {@code default} and
 * user {@code admin} on an empty database.
 */
package io.tocsin.api.user;
