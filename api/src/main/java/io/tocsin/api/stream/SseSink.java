package io.tocsin.api.stream;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A Server-Sent Events response. Each log message is an event with {@code id:} (the resume cursor
 * for {@code Last-Event-ID}) and {@code event:} its type; alert changes keep the shape the web UI
 * reads ({@code {"type","alert_id","version","alert"}}).
 */
final class SseSink implements StreamSink {

  private final SseEmitter emitter;

  SseSink(SseEmitter emitter) {
    this.emitter = emitter;
  }

  @Override
  public void send(Outgoing message, Subscription subscription) throws IOException {
    if (message instanceof Outgoing.Live live) {
      StreamMessage m = live.message();
      emitter.send(
          SseEmitter.event()
              .id(Long.toString(m.id()))
              .name(m.type())
              .data(data(m), MediaType.APPLICATION_JSON));
    } else if (message instanceof Outgoing.Control control) {
      emitter.send(
          SseEmitter.event().name(control.type()).data(control.body(), MediaType.APPLICATION_JSON));
    }
  }

  private static Object data(StreamMessage m) {
    if (m.topic() != StreamTopic.ALERTS) {
      return m.data();
    }
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("type", m.type());
    change.put("alert_id", m.data().get("id"));
    change.put("version", m.data().get("version"));
    change.put("alert", m.data());
    return change;
  }

  @Override
  public void heartbeat() throws IOException {
    emitter.send(SseEmitter.event().comment("keepalive"));
  }

  @Override
  public void close(int code, String reason) {
    try {
      emitter.send(
          SseEmitter.event()
              .name("closed")
              .data(Map.of("code", code, "reason", reason), MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException alreadyGone) {
      // the client left first; nothing to tell it
    }
    emitter.complete();
  }
}
