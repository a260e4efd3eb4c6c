package io.tocsin.api.auth;

import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Failed-login throttling with two counters per attempt, both in the {@code login_failures}
 * collection so every server on the database shares them: one per <em>account</em> (the account the
 * normalized name resolves to, whichever address guesses) and one per <em>source address</em>
 * (whichever names it tries, against password spraying). When either reaches its limit inside the
 * window, logins are refused with 429, {@code X-RateLimit-*} and {@code Retry-After} until the
 * window that counter opened ends. A success clears the account's counter, never the address's.
 */
@Component
class LoginThrottle {

  static final String COLLECTION = "login_failures";
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(5);

  private final MongoTemplate mongo;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Duration window;
  private final Clock clock;
  private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);

  LoginThrottle(MongoTemplate mongo, TocsinProperties properties, Clock clock) {
    this.mongo = mongo;
    this.maxPerAccount = properties.login().maxFailures();
    this.maxPerAddress = properties.login().maxFailuresPerAddress();
    this.window = properties.login().window();
    this.clock = clock;
    mongo
        .indexOps(COLLECTION)
        .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
  }

  /**
   * Throws 429 if one of these accounts (all the name may resolve to; usually one) or this address
   * is locked out.
   */
  void check(List<String> accounts, String address) {
    Instant now = clock.instant();
    for (String account : accounts) {
      refuseIfLocked(accountKey(account), maxPerAccount, now);
    }
    refuseIfLocked(addressKey(address), maxPerAddress, now);
  }

  void failed(List<String> accounts, String address) {
    Instant now = clock.instant();
    for (String account : accounts) {
      count(accountKey(account), now);
    }
    count(addressKey(address), now);
    prune(now);
  }

  void succeeded(String account) {
    mongo.remove(Query.query(Criteria.where("_id").is(accountKey(account))), COLLECTION);
  }

  private void refuseIfLocked(String key, int limit, Instant now) {
    Document doc = mongo.findById(key, Document.class, COLLECTION);
    if (doc == null || doc.getInteger("count", 0) < limit) {
      return;
    }
    Instant reset = doc.getDate("since").toInstant().plus(window);
    if (!now.isBefore(reset)) {
      return;
    }
    long retryAfter = Math.max(1, Duration.between(now, reset).toSeconds());
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-RateLimit-Limit", Integer.toString(limit));
    headers.set("X-RateLimit-Remaining", "0");
    headers.set("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()));
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    throw new ApiException(
        ErrorCode.RATE_LIMITED,
        "Too many failed logins; try again later",
        Map.of("retry_after_seconds", retryAfter),
        headers);
  }

  /** Adds one failure, opening a new window when the last one has ended. */
  private void count(String key, Instant now) {
    mongo.remove(
        Query.query(Criteria.where("_id").is(key).and("since").lte(Date.from(now.minus(window)))),
        COLLECTION);
    Update update =
        new Update()
            .inc("count", 1)
            .setOnInsert("since", Date.from(now))
            .setOnInsert("expiresAt", Date.from(now.plus(window)));
    Query query = Query.query(Criteria.where("_id").is(key));
    try {
      mongo.upsert(query, update, COLLECTION);
    } catch (DuplicateKeyException raced) {
      mongo.upsert(query, update, COLLECTION);
    }
  }

  /** Drops ended windows (MongoDB's TTL index does this too; the embedded store does not). */
  private void prune(Instant now) {
    Instant last = lastPrune.get();
    if (now.isBefore(last.plus(PRUNE_EVERY)) || !lastPrune.compareAndSet(last, now)) {
      return;
    }
    mongo.remove(
        Query.query(Criteria.where("since").lte(Date.from(now.minus(window)))), COLLECTION);
  }

  private static String accountKey(String account) {
    return "account:" + account;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
