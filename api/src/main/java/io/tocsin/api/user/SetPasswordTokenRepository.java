package io.tocsin.api.user;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SetPasswordTokenRepository extends MongoRepository<SetPasswordToken, String> {

  Optional<SetPasswordToken> findByTokenHash(String tokenHash);

  void deleteByUserId(String userId);
}
