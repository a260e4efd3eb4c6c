#!/usr/bin/env python3
"""OpenFrame-style integration: OAuth 2.0 authorization code with PKCE against Tocsin.

The script acts for a Tocsin user: it opens the authorization URL in a browser, the user signs
in on Tocsin's login form, and Tocsin redirects the browser to a listener this script runs on
127.0.0.1. Register the client first (an admin's token in $TOKEN):

    curl -s -X POST http://localhost:8080/api/v1/oauth/clients \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d '{"name": "OpenFrame", "redirect_uris": ["http://127.0.0.1:8765/callback"],
           "scopes": ["read", "write"]}'

    TOCSIN_CLIENT_ID=tcl_... TOCSIN_CLIENT_SECRET=tcs_... \
      /usr/bin/python3 oauth_authorization_code.py

Needs Debian's python3-requests-oauthlib (1.3 has no built-in PKCE, so the verifier and its
S256 challenge are made here). TOCSIN_BASE_URL defaults to http://localhost:8080/api/v1,
TOCSIN_REDIRECT_URI to http://127.0.0.1:8765/callback, TOCSIN_SCOPE to "read". Leave
TOCSIN_CLIENT_SECRET unset for a public client.
"""
import base64
import hashlib
import http.server
import os
import secrets
import sys
import webbrowser
from urllib.parse import urlparse

from requests_oauthlib import OAuth2Session

BASE_URL = os.environ.get("TOCSIN_BASE_URL", "http://localhost:8080/api/v1").rstrip("/")
CLIENT_ID = os.environ.get("TOCSIN_CLIENT_ID")
CLIENT_SECRET = os.environ.get("TOCSIN_CLIENT_SECRET")
REDIRECT_URI = os.environ.get("TOCSIN_REDIRECT_URI", "http://127.0.0.1:8765/callback")
SCOPE = os.environ.get("TOCSIN_SCOPE", "read").split()

if urlparse(BASE_URL).hostname in ("localhost", "127.0.0.1", "::1"):
    os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")


def pkce_pair():
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return verifier, challenge


def wait_for_redirect():
    """Serves one request on the redirect URI's loopback port; returns the full URL it got."""
    redirect = urlparse(REDIRECT_URI)
    received = {}

    class Callback(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            received["url"] = f"{redirect.scheme}://{redirect.netloc}{self.path}"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"Signed in; you can close this window.\n")

        def log_message(self, *args):
            pass

    with http.server.HTTPServer((redirect.hostname, redirect.port or 80), Callback) as server:
        server.timeout = 300
        server.handle_request()
    if "url" not in received:
        sys.exit("no redirect within 5 minutes")
    return received["url"]


def main():
    if not CLIENT_ID:
        sys.exit("set TOCSIN_CLIENT_ID (and TOCSIN_CLIENT_SECRET for a confidential client)")
    verifier, challenge = pkce_pair()
    oauth = OAuth2Session(CLIENT_ID, redirect_uri=REDIRECT_URI, scope=SCOPE)
    authorization_url, state = oauth.authorization_url(
        f"{BASE_URL}/oauth/authorize",
        code_challenge=challenge,
        code_challenge_method="S256",
    )
    print(f"Open this URL and sign in to Tocsin:\n{authorization_url}", flush=True)
    webbrowser.open(authorization_url)

    authorization_response = wait_for_redirect()
    token = oauth.fetch_token(
        f"{BASE_URL}/oauth/token",
        authorization_response=authorization_response,
        client_secret=CLIENT_SECRET,
        include_client_id=CLIENT_SECRET is None,
        code_verifier=verifier,
    )
    print(f"Got an access token for scope {token.get('scope')}")

    me = oauth.get(f"{BASE_URL}/users/me")
    me.raise_for_status()
    print(f"Acting as {me.json().get('username')}")
    response = oauth.get(f"{BASE_URL}/alerts", params={"status": "open", "limit": 10})
    response.raise_for_status()
    body = response.json()
    alerts = body.get("data", body.get("alerts", []))
    print(f"{body.get('total', len(alerts))} open alerts")
    for alert in alerts:
        print(f"- [{alert.get('severity')}] {alert.get('title')} ({alert.get('id')})")


if __name__ == "__main__":
    main()
