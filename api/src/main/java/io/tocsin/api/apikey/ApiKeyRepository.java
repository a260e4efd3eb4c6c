package io.tocsin.api.apikey;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ApiKeyRepository extends MongoRepository<ApiKey, String> {

  Optional<ApiKey> findByKeyHash(String keyHash);

  Optional<ApiKey> findByIdAndTenantId(String id, String tenantId);

  List<ApiKey> findByTenantIdOrderByCreatedAtAsc(String tenantId);
}
