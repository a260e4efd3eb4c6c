package io.tocsin.api.auth;

import java.time.Instant;
import org.springframework.data.mongodb.repository.MongoRepository;

interface RevokedTokenRepository extends MongoRepository<RevokedToken, String> {

  void deleteByExpiresAtBefore(Instant now);
}
