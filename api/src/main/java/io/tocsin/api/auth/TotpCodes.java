package io.tocsin.api.auth;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * TOTP codes (RFC 6238: 30 s steps, 6 digits, one step of clock drift either way), each accepted
 * once: the step a code matched is claimed in the {@code mfa_used_steps} collection with one
 * conditional upsert, so a code (or an older one) that was already used is refused on every server
 * of the database.
 */
@Component
class TotpCodes {

  static final String COLLECTION = "mfa_used_steps";
  private static final long PERIOD_SECONDS = 30;
  private static final int DRIFT_STEPS = 1;

  private final CodeGenerator generator = new DefaultCodeGenerator();
  private final MongoTemplate mongo;
  private final Clock clock;

  TotpCodes(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** Whether {@code code} is valid for {@code secret} now and its step was not used before. */
  boolean accept(String userId, String secret, String code) {
    OptionalLong step = match(secret, code);
    return step.isPresent() && claim(userId, step.getAsLong());
  }

  private OptionalLong match(String secret, String code) {
    if (secret == null || code == null) {
      return OptionalLong.empty();
    }
    byte[] given = code.trim().getBytes(StandardCharsets.UTF_8);
    long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
    for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
      try {
        byte[] expected = generator.generate(secret, step).getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(expected, given)) {
          return OptionalLong.of(step);
        }
      } catch (CodeGenerationException e) {
        throw new IllegalStateException("cannot compute a TOTP code", e);
      }
    }
    return OptionalLong.empty();
  }

  /** Records {@code step} as used unless it, or a later step, already was. */
  private boolean claim(String userId, long step) {
    try {
      Document previous =
          mongo.findAndModify(
              Query.query(Criteria.where("_id").is(userId).and("step").lt(step)),
              new Update().set("step", step),
              FindAndModifyOptions.options().upsert(true).returnNew(true),
              Document.class,
              COLLECTION);
      return previous != null;
    } catch (DuplicateKeyException alreadyUsed) {
      return false;
    }
  }
}
