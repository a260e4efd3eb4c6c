package io.tocsin.api.auth;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface RefreshTokenRepository extends MongoRepository<RefreshToken, String> {

  Optional<RefreshToken> findByTokenHash(String tokenHash);

  void deleteByUserId(String userId);

  void deleteByExpiresAtBefore(Instant now);
}
