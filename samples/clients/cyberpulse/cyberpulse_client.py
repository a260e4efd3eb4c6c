"""CyberPulse Analytics Platform API client, in the shape the CyberPulse guide prints it.

Runs against Tocsin unchanged: `python3 cyberpulse_client.py` with the server on
http://localhost:8080/api/v1 (CYBERPULSE_API_URL overrides the base URL, CYBERPULSE_USERNAME and
CYBERPULSE_PASSWORD the account). Needs `requests` and `websocket-client`
(Debian: `apt-get install python3-requests python3-websocket`).
"""
import json
import os
import sys
import threading
import time

import requests
import websocket

BASE_URL = os.environ.get("CYBERPULSE_API_URL", "http://localhost:8080/api/v1")


class CyberPulseClient:
    def __init__(self, base_url=BASE_URL):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Content-Type": "application/json"})
        self.token = None

    def login(self, username, password):
        response = self.session.post(
            f"{self.base_url}/auth/login", json={"username": username, "password": password}
        )
        response.raise_for_status()
        self.token = response.json()["access_token"]
        self.session.headers.update({"Authorization": f"Bearer {self.token}"})
        return response.json()

    # Dashboard
    def get_dashboard_metrics(self):
        response = self.session.get(f"{self.base_url}/dashboard/metrics")
        response.raise_for_status()
        return response.json()

    # Security events
    def create_security_event(self, event):
        response = self.session.post(f"{self.base_url}/security/events", json=event)
        response.raise_for_status()
        return response.json()

    def get_security_events(self, skip=0, limit=100, severity=None, start_date=None,
                            end_date=None, processed=None):
        params = {"skip": skip, "limit": limit}
        if severity:
            params["severity"] = severity
        if start_date:
            params["start_date"] = start_date
        if end_date:
            params["end_date"] = end_date
        if processed is not None:
            params["processed"] = str(processed).lower()
        response = self.session.get(f"{self.base_url}/security/events", params=params)
        response.raise_for_status()
        return response.json()

    def create_security_alert(self, alert):
        response = self.session.post(f"{self.base_url}/security/alerts", json=alert)
        response.raise_for_status()
        return response.json()

    # Analytics
    def generate_report(self, period="7d", sections=None, format="json"):
        body = {"period": period, "sections": sections or ["summary"], "format": format}
        response = self.session.post(f"{self.base_url}/analytics/report", json=body)
        response.raise_for_status()
        return response.json() if format == "json" else response.content

    # Vulnerability scans
    def start_scan(self, target, scan_type="full"):
        response = self.session.post(
            f"{self.base_url}/security/scan", json={"target": target, "scan_type": scan_type}
        )
        response.raise_for_status()
        return response.json()

    def get_scan(self, scan_id):
        response = self.session.get(f"{self.base_url}/security/scan/{scan_id}")
        response.raise_for_status()
        return response.json()

    # Projects and tasks
    def create_project(self, project):
        response = self.session.post(f"{self.base_url}/projects", json=project)
        response.raise_for_status()
        return response.json()

    def get_projects(self):
        response = self.session.get(f"{self.base_url}/projects")
        response.raise_for_status()
        return response.json()

    def update_project(self, project_id, changes):
        response = self.session.put(f"{self.base_url}/projects/{project_id}", json=changes)
        response.raise_for_status()
        return response.json()

    def create_task(self, task):
        response = self.session.post(f"{self.base_url}/tasks", json=task)
        response.raise_for_status()
        return response.json()

    def get_tasks(self, project_id=None):
        params = {"project_id": project_id} if project_id else {}
        response = self.session.get(f"{self.base_url}/tasks", params=params)
        response.raise_for_status()
        return response.json()

    def update_task(self, task_id, changes):
        response = self.session.put(f"{self.base_url}/tasks/{task_id}", json=changes)
        response.raise_for_status()
        return response.json()

    # Real-time updates
    def listen(self, channels, on_message):
        ws_url = self.base_url.replace("http", "ws", 1) + "/ws"

        def on_open(ws):
            ws.send(json.dumps({"action": "subscribe", "channels": channels}))

        return websocket.WebSocketApp(
            ws_url,
            header=[f"Authorization: Bearer {self.token}"],
            on_open=on_open,
            on_message=lambda ws, message: on_message(json.loads(message)),
        )


def main():
    client = CyberPulseClient()
    client.login(os.environ.get("CYBERPULSE_USERNAME", "admin"),
                 os.environ.get("CYBERPULSE_PASSWORD", "admin"))

    received = []
    stream = client.listen(["security_events", "security_alerts", "project_updates"],
                           lambda message: received.append(message))
    threading.Thread(target=stream.run_forever, daemon=True).start()
    time.sleep(2)

    event = client.create_security_event({
        "source_ip": "192.168.1.100",
        "destination_ip": "10.0.0.5",
        "port": 22,
        "protocol": "SSH",
        "event_type": "failed_login",
        "severity": "HIGH",
        "payload": {"username": "root", "attempts": 5},
    })
    print(f"Security event created: {event}")

    alert = client.create_security_alert({
        "title": "Brute force attack detected",
        "description": "Multiple failed SSH logins from 192.168.1.100",
        "severity": "critical",
        "source_ip": "192.168.1.100",
    })
    print(f"Alert created: {alert['id']}")

    events = client.get_security_events(limit=10, severity="HIGH")
    print(f"Recent high-severity events: {len(events)}")

    metrics = client.get_dashboard_metrics()
    print(f"Security score: {metrics['security_score']}")
    print(f"Events (24h): {metrics['total_events_24h']}")
    print(f"Critical alerts: {metrics['critical_alerts']}")

    project = client.create_project({
        "name": "Brute force investigation",
        "description": "SSH brute force against the bastion",
        "status": "active",
        "priority": "high",
    })
    task = client.create_task({
        "title": "Block 192.168.1.100 at the firewall",
        "project_id": project["id"],
        "status": "todo",
        "priority": "high",
        "story_points": 3,
    })
    client.update_task(task["id"], {"status": "done"})
    project = client.update_project(project["id"], {"status": "completed"})
    print(f"Project {project['name']}: {project['status']}, {project['progress']}% done")

    report = client.generate_report(period="7d", sections=["summary", "alerts"])
    print(f"Report sections: {sorted(k for k in report if k in ('summary', 'alerts'))}")
    pdf = client.generate_report(period="7d", sections=["summary"], format="pdf")
    print(f"PDF report: {len(pdf)} bytes, starts with {pdf[:5]!r}")

    target = os.environ.get("CYBERPULSE_SCAN_TARGET")
    if target:
        scan = client.start_scan(target)
        scan_id = scan.get("scan_id") or scan["id"]
        deadline = time.time() + 120
        while scan["status"] not in ("completed", "failed", "expired") and time.time() < deadline:
            time.sleep(2)
            scan = client.get_scan(scan_id)
        print(f"Scan {scan_id}: {scan['status']}")

    deadline = time.time() + 30
    while time.time() < deadline and not any(m.get("channel") == "security_alerts"
                                             for m in received):
        time.sleep(0.5)
    channels = sorted({m.get("channel") for m in received if m.get("channel")})
    print(f"Real-time channels received: {channels}")
    stream.close()
    if "security_alerts" not in channels:
        sys.exit("no security_alerts message arrived over the WebSocket")


if __name__ == "__main__":
    main()
