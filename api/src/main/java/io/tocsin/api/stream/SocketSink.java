package io.tocsin.api.stream;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket session. A log message is rendered in the protocol its topic was subscribed with:
 * CyberPulse {@code {"channel":"security_alerts","id":..,"event":..,"data":{..}}} or OpenFrame
 * {@code {"type":"alert","id":..,"event":..,"data":{..}}}.
 */
final class SocketSink implements StreamSink {

  private final WebSocketSession session;
  private final JsonMapper json;

  SocketSink(WebSocketSession session, JsonMapper json) {
    this.session = session;
    this.json = json;
  }

  @Override
  public void send(Outgoing message, Subscription subscription) throws IOException {
    Map<String, Object> body;
    if (message instanceof Outgoing.Live live) {
      body = render(live.message(), subscription);
      if (body == null) {
        return; // unsubscribed since it was queued
      }
    } else {
      body = ((Outgoing.Control) message).body();
    }
    session.sendMessage(new TextMessage(json.writeValueAsString(body)));
  }

  static Map<String, Object> render(StreamMessage m, Subscription subscription) {
    Subscription.Protocol protocol = subscription.topics().get(m.topic());
    if (protocol == null) {
      return null;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (protocol == Subscription.Protocol.CYBERPULSE) {
      body.put("channel", m.topic().channel());
    } else {
      body.put("type", m.topic().messageType());
    }
    body.put("id", m.id());
    body.put("event", m.type());
    body.put("timestamp", m.ts().toString());
    body.put("data", m.data());
    return body;
  }

  @Override
  public void heartbeat() throws IOException {
    session.sendMessage(new PingMessage());
  }

  @Override
  public void close(int code, String reason) {
    try {
      session.close(new CloseStatus(code, reason));
    } catch (IOException | RuntimeException alreadyGone) {
      // the client left first
    }
  }
}
