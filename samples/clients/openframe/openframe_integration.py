"""OpenFrame integration: OAuth 2.0 client credentials, devices, alerts and the ITSM hand-off,
in the shape the OpenFrame integration guide prints it.

Runs against Tocsin unchanged: `python3 openframe_integration.py` with the server on
http://localhost:8080/api/v1 (OPENFRAME_API_URL overrides it) and a client registered with
`POST /api/v1/oauth/clients` (OPENFRAME_CLIENT_ID / OPENFRAME_CLIENT_SECRET). Needs requests,
requests_oauthlib and websocket-client (Debian: `apt-get install python3-requests-oauthlib
python3-websocket`).
"""
import json
import os
import sys
import threading
import time
from urllib.parse import urlparse

import websocket
from oauthlib.oauth2 import BackendApplicationClient
from requests_oauthlib import OAuth2Session

API_URL = os.environ.get("OPENFRAME_API_URL", "http://localhost:8080/api/v1")
TOKEN_URL = f"{API_URL}/oauth/token"
CLIENT_ID = os.environ["OPENFRAME_CLIENT_ID"]
CLIENT_SECRET = os.environ["OPENFRAME_CLIENT_SECRET"]

# oauthlib insists on https; a server on this machine is reached over plain http.
if urlparse(API_URL).hostname in ("localhost", "127.0.0.1", "::1"):
    os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")


def get_session():
    client = BackendApplicationClient(client_id=CLIENT_ID)
    oauth = OAuth2Session(client=client, scope=["read", "write"])
    oauth.fetch_token(token_url=TOKEN_URL, client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    return oauth


def create_ticket(alert):
    """The ITSM side: one ticket per open alert (printed here instead of sent)."""
    return {
        "short_description": alert["title"],
        "description": alert.get("description", ""),
        "urgency": {"critical": 1, "high": 1, "medium": 2}.get(alert["severity"], 3),
        "cmdb_ci": alert.get("device_id"),
    }


def main():
    oauth = get_session()
    token = oauth.token["access_token"]

    devices = oauth.get(f"{API_URL}/devices").json()
    device_list = devices.get("devices") or devices.get("data") or []
    print(f"Devices: {len(device_list)}")
    if not device_list:
        sys.exit("no devices: an agent must have reported at least one host")
    device_id = device_list[0]["id"]

    messages = []
    ws = websocket.WebSocketApp(
        API_URL.replace("http", "ws", 1) + "/ws",
        header=[f"Authorization: Bearer {token}"],
        on_open=lambda ws: ws.send(json.dumps(
            {"type": "subscribe", "topics": ["devices", "alerts", "security_events"]})),
        on_message=lambda ws, message: messages.append(json.loads(message)),
    )
    threading.Thread(target=ws.run_forever, daemon=True).start()
    time.sleep(2)

    response = oauth.post(f"{API_URL}/alerts", json={
        "title": "Disk encryption disabled",
        "description": "BitLocker is off on the device",
        "severity": "high",
        "device_id": device_id,
    })
    response.raise_for_status()
    alert = response.json()
    print(f"Alert created: {alert['id']} on device {alert.get('device_id')}")

    open_alerts = oauth.get(f"{API_URL}/alerts", params={"status": "open"}).json()
    tickets = [create_ticket(a) for a in open_alerts["data"]]
    print(f"Tickets to open: {len(tickets)}")
    for ticket in tickets[:3]:
        print(f"  {ticket['short_description']} (urgency {ticket['urgency']})")

    deadline = time.time() + 30
    while time.time() < deadline and not any(m.get("type") == "alert" for m in messages):
        time.sleep(0.5)
    types = sorted({m.get("type") for m in messages})
    print(f"Real-time message types: {types}")
    ws.close()
    if "alert" not in types:
        sys.exit("no alert message arrived over the WebSocket")


if __name__ == "__main__":
    main()
