package io.tocsin.api.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.user.User;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Resolves an assignee given as user id, username or email to a user of the tenant. */
@Component
public class Assignees {

  private final MongoTemplate mongo;

  Assignees(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Optional<User> resolve(String tenantId, String who) {
    if (who == null || who.isBlank()) {
      return Optional.empty();
    }
    String trimmed = who.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    Criteria anyOf =
        new Criteria()
            .orOperator(
                where("_id").is(trimmed), where("username").is(lower), where("email").is(lower));
    return Optional.ofNullable(
        mongo.findOne(Query.query(where("tenantId").is(tenantId).andOperator(anyOf)), User.class));
  }
}
