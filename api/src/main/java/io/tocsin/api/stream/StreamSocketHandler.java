package io.tocsin.api.stream;

import io.tocsin.api.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws} and {@code /api/v1/ws}. A socket is authenticated by the upgrade's {@code
 * Authorization: Bearer} header ({@link BearerHandshake}) or by a first message {@code
 * {"type":"auth","token":".."}} within {@code tocsin.stream.auth-timeout} (else close {@value
 * StreamSubscriber#UNAUTHENTICATED}). Then subscribe messages of either protocol add topics; the
 * first one may carry {@code last_id} to resume. {@code ping} answers {@code pong}.
 */
@Component
class StreamSocketHandler extends TextWebSocketHandler {

  static final String CALLER = "tocsin.stream.caller";
  private static final String SUBSCRIBER = "tocsin.stream.subscriber";
  private static final String STARTED = "tocsin.stream.started";
  private static final String TOMCAT_SEND_TIMEOUT =
      "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final StreamHub hub;
  private final StreamAuthenticator authenticator;
  private final StreamProperties properties;
  private final JsonMapper json;

  StreamSocketHandler(
      StreamHub hub,
      StreamAuthenticator authenticator,
      StreamProperties properties,
      JsonMapper json) {
    this.hub = hub;
    this.authenticator = authenticator;
    this.properties = properties;
    this.json = json;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) throws Exception {
    // a client that stops reading blocks a write for at most this long (Tomcat's default: 20 s)
    if (session
        instanceof org.springframework.web.socket.adapter.standard.StandardWebSocketSession s) {
      s.getNativeSession()
          .getUserProperties()
          .put(TOMCAT_SEND_TIMEOUT, properties.sendTimeout().toMillis());
    }
    if (session.getAttributes().get(CALLER) instanceof StreamCaller caller) {
      attach(session, caller);
      return;
    }
    hub.schedule(
        () -> {
          if (session.isOpen() && subscriber(session) == null) {
            closeQuietly(session, StreamSubscriber.UNAUTHENTICATED, "authentication timeout");
          }
        },
        properties.authTimeout().toMillis());
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage text) throws Exception {
    Map<String, Object> message;
    try {
      message = json.readValue(text.getPayload(), MAP);
    } catch (JacksonException e) {
      reply(session, error("invalid JSON: expected an object"));
      return;
    }
    String verb = SocketRequests.verb(message);
    StreamSubscriber subscriber = subscriber(session);
    if (subscriber == null) {
      authenticate(session, verb, message);
      return;
    }
    try {
      switch (verb) {
        case "subscribe" -> subscribe(session, subscriber, message);
        case "unsubscribe" -> unsubscribe(subscriber, message);
        case "ping" -> subscriber.offer(control("pong", Map.of("type", "pong")));
        case "auth" -> subscriber.offer(control("error", error("already authenticated")));
        default -> subscriber.offer(control("error", error("unknown message type [" + verb + "]")));
      }
    } catch (IllegalArgumentException e) {
      subscriber.offer(control("error", error(e.getMessage())));
    }
  }

  private void authenticate(WebSocketSession session, String verb, Map<String, Object> message) {
    if (!"auth".equals(verb)) {
      closeQuietly(session, StreamSubscriber.UNAUTHENTICATED, "authentication required");
      return;
    }
    Object token = message.get("token");
    Object tenant =
        message.containsKey("tenant_id") ? message.get("tenant_id") : message.get("tenant");
    try {
      StreamCaller caller =
          authenticator.fromToken(
              token == null ? null : token.toString(), tenant == null ? null : tenant.toString());
      StreamSubscriber subscriber = attach(session, caller);
      if (subscriber != null) {
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("type", "authenticated");
        ok.put("tenant_id", caller.tenantId());
        ok.put("expires_at", caller.expiresAt().toString());
        subscriber.offer(control("authenticated", ok));
      }
    } catch (ApiException e) {
      int code =
          e.code() == io.tocsin.api.error.ErrorCode.AUTHENTICATION_ERROR
              ? StreamSubscriber.UNAUTHENTICATED
              : 4403;
      closeQuietly(session, code, e.getMessage());
    }
  }

  private StreamSubscriber attach(WebSocketSession session, StreamCaller caller) {
    StreamSubscriber subscriber =
        hub.open(caller.tenantId(), caller.expiresAt(), new SocketSink(session, json));
    if (subscriber == null) {
      closeQuietly(session, 1013, "too many open streams, try again later");
      return null;
    }
    session.getAttributes().put(SUBSCRIBER, subscriber);
    return subscriber;
  }

  private void subscribe(
      WebSocketSession session, StreamSubscriber subscriber, Map<String, Object> message) {
    Map<StreamTopic, Subscription.Protocol> topics = SocketRequests.topics(message);
    StreamFilter filter = SocketRequests.filter(message);
    Long since = SocketRequests.since(message);
    subscriber.subscribe(subscriber.subscription().plus(topics, filter));
    subscriber.offer(control("subscribed", acknowledgement(subscriber.subscription())));
    if (session.getAttributes().putIfAbsent(STARTED, Boolean.TRUE) == null) {
      hub.start(subscriber, since);
    }
  }

  private static void unsubscribe(StreamSubscriber subscriber, Map<String, Object> message) {
    subscriber.subscribe(subscriber.subscription().minus(SocketRequests.topics(message).keySet()));
    subscriber.offer(control("unsubscribed", acknowledgement(subscriber.subscription())));
  }

  /** {@code {"type":"subscribed","topics":[..],"channels":[..]}}: both protocols' names. */
  private static Map<String, Object> acknowledgement(Subscription subscription) {
    Map<String, Object> ack = new LinkedHashMap<>();
    ack.put("type", "subscribed");
    List<StreamTopic> topics = List.copyOf(new java.util.TreeSet<>(subscription.topics().keySet()));
    ack.put("topics", topics.stream().map(StreamTopic::wireName).toList());
    ack.put("channels", topics.stream().map(StreamTopic::channel).toList());
    return ack;
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    StreamSubscriber subscriber = subscriber(session);
    if (subscriber != null) {
      subscriber.gone();
    }
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
  }

  private static StreamSubscriber subscriber(WebSocketSession session) {
    return (StreamSubscriber) session.getAttributes().get(SUBSCRIBER);
  }

  private static Outgoing.Control control(String type, Map<String, Object> body) {
    return new Outgoing.Control(type, body);
  }

  private static Map<String, Object> error(String message) {
    return Map.of("type", "error", "message", message);
  }

  /** Before authentication there is no buffer: a direct, synchronous reply. */
  private void reply(WebSocketSession session, Map<String, Object> body) {
    StreamSubscriber subscriber = subscriber(session);
    if (subscriber != null) {
      subscriber.offer(control(String.valueOf(body.get("type")), body));
      return;
    }
    try {
      synchronized (session) {
        session.sendMessage(new TextMessage(json.writeValueAsString(body)));
      }
    } catch (java.io.IOException e) {
      closeQuietly(session, 1011, "write failed");
    }
  }

  private static void closeQuietly(WebSocketSession session, int code, String reason) {
    try {
      session.close(
          new CloseStatus(code, reason.length() > 120 ? reason.substring(0, 120) : reason));
    } catch (java.io.IOException | RuntimeException e) {
      // already closed
    }
  }
}
