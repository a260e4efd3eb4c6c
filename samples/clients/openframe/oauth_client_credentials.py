#!/usr/bin/env python3
"""OpenFrame-style integration: OAuth 2.0 client credentials against Tocsin.

Register a machine client first (an admin's token in $TOKEN):

    curl -s -X POST http://localhost:8080/api/v1/oauth/clients \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d '{"name": "OpenFrame", "grant_types": ["client_credentials"], "scopes": ["read"]}'

Then run it with the client_id and client_secret of the answer:

    TOCSIN_CLIENT_ID=tcl_... TOCSIN_CLIENT_SECRET=tcs_... \
      /usr/bin/python3 oauth_client_credentials.py

Needs Debian's python3-requests-oauthlib. TOCSIN_BASE_URL defaults to
http://localhost:8080/api/v1, TOCSIN_SCOPE to "read".
"""
import os
import sys
from urllib.parse import urlparse

from oauthlib.oauth2 import BackendApplicationClient
from requests_oauthlib import OAuth2Session

BASE_URL = os.environ.get("TOCSIN_BASE_URL", "http://localhost:8080/api/v1").rstrip("/")
CLIENT_ID = os.environ.get("TOCSIN_CLIENT_ID")
CLIENT_SECRET = os.environ.get("TOCSIN_CLIENT_SECRET")
SCOPE = os.environ.get("TOCSIN_SCOPE", "read").split()

# oauthlib refuses plain http; allow it only for a server on this machine.
if urlparse(BASE_URL).hostname in ("localhost", "127.0.0.1", "::1"):
    os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")


def main():
    if not CLIENT_ID or not CLIENT_SECRET:
        sys.exit("set TOCSIN_CLIENT_ID and TOCSIN_CLIENT_SECRET (see the docstring)")
    client = BackendApplicationClient(client_id=CLIENT_ID)
    oauth = OAuth2Session(client=client, scope=SCOPE)
    token = oauth.fetch_token(
        token_url=f"{BASE_URL}/oauth/token", client_secret=CLIENT_SECRET
    )
    print(f"Got an access token for scope {token.get('scope')}, "
          f"valid {token.get('expires_in')} s")

    response = oauth.get(f"{BASE_URL}/alerts", params={"status": "open", "limit": 10})
    response.raise_for_status()
    body = response.json()
    alerts = body.get("data", body.get("alerts", []))
    print(f"{body.get('total', len(alerts))} open alerts")
    for alert in alerts:
        print(f"- [{alert.get('severity')}] {alert.get('title')} ({alert.get('id')})")


if __name__ == "__main__":
    main()
