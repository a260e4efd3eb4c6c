package io.tocsin.api.oauth;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface OAuthClientRepository extends MongoRepository<OAuthClient, String> {

  Optional<OAuthClient> findByIdAndTenantId(String id, String tenantId);

  List<OAuthClient> findByTenantIdOrderByCreatedAtAsc(String tenantId);
}
