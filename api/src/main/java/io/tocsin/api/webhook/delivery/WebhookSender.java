package io.tocsin.api.webhook.delivery;

import io.tocsin.api.webhook.WebhookProperties;
import io.tocsin.api.webhook.ssrf.AddressGuard;
import io.tocsin.api.webhook.ssrf.BlockedAddressException;
import io.tocsin.api.webhook.ssrf.GuardedDnsResolver;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one signed POST. The client resolves hosts through the SSRF guard (so the checked address
 * is the one connected to), follows no redirects, retries nothing by itself, and bounds connect and
 * read time per request.
 */
@Component
public class WebhookSender implements DisposableBean {

  /**
   * What came of one request.
   *
   * @param statusCode the receiver's status, null when no response came
   * @param latencyMs time taken
   * @param error what went wrong, null for a 2xx
   * @param retryable whether trying again may help (timeouts, connection errors, 408, 429, 5xx)
   * @param retryAfter the receiver's {@code Retry-After} header, raw
   */
  public record Result(
      Integer statusCode, long latencyMs, String error, boolean retryable, String retryAfter) {

    public boolean ok() {
      return error == null;
    }
  }

  private final CloseableHttpClient client;

  WebhookSender(WebhookProperties properties) {
    Timeout connect = Timeout.of(properties.connectTimeout());
    Timeout read = Timeout.of(properties.readTimeout());
    int concurrency = Math.max(1, properties.concurrency());
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(
                        new GuardedDnsResolver(new AddressGuard(properties.allowPrivate())))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(connect)
                            .setSocketTimeout(read)
                            .build())
                    .setMaxConnTotal(concurrency * 2)
                    .setMaxConnPerRoute(concurrency)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(connect)
                    .setResponseTimeout(read)
                    .setRedirectsEnabled(false)
                    .build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .setUserAgent("Tocsin-Webhooks/1")
            .build();
  }

  /** POSTs {@code body} to {@code url} with {@code headers}; never throws for a failed send. */
  public Result send(String url, String body, Map<String, String> headers) {
    long start = System.nanoTime();
    try {
      HttpPost post = new HttpPost(url);
      headers.forEach(post::setHeader);
      post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
      return client.execute(
          post,
          response -> {
            EntityUtils.consume(response.getEntity());
            int code = response.getCode();
            Header retryAfter = response.getFirstHeader("Retry-After");
            long ms = elapsed(start);
            if (code >= 200 && code < 300) {
              return new Result(code, ms, null, false, null);
            }
            boolean retryable = code == 408 || code == 429 || code >= 500;
            return new Result(
                code,
                ms,
                "HTTP " + code + (retryable ? "" : " (permanent)"),
                retryable,
                retryAfter == null ? null : retryAfter.getValue());
          });
    } catch (BlockedAddressException e) {
      return new Result(null, elapsed(start), "refused: " + e.getMessage(), false, null);
    } catch (SocketTimeoutException e) {
      return new Result(null, elapsed(start), "timeout: " + e.getMessage(), true, null);
    } catch (InterruptedIOException e) {
      return new Result(null, elapsed(start), "interrupted: " + e.getMessage(), true, null);
    } catch (IOException e) {
      return new Result(null, elapsed(start), "connection error: " + describe(e), true, null);
    } catch (IllegalArgumentException e) {
      return new Result(null, elapsed(start), "invalid url: " + e.getMessage(), false, null);
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Override
  public void destroy() throws IOException {
    client.close();
  }
}
