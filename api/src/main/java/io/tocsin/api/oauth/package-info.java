/**
 * OAuth 2.0 for integrations, on Spring Authorization Server: the authorization-code flow with PKCE
 * (a Tocsin user logs in on {@code /oauth/login} and the tenant's own client is approved for them)
 * and client credentials (the client acts as a service principal of its tenant). Tenant admins
 * register clients through {@code /api/v1/oauth/clients}; they are kept in MongoDB with their
 * secret hashed. Access tokens are RS256 JWTs signed with a key kept in the database, and the REST
 * API accepts them next to the login JWTs: scope {@code read} acts as {@code viewer}, {@code write}
 * as {@code analyst}, and a user's token never exceeds the user's current role.
 */
package io.tocsin.api.oauth;
